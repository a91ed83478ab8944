package io.keyfob.radius;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the RADIUS server did that no code check tells: a password refused before any code
 * was looked at, a challenge sent, a challenge's State refused. Code checks are told by
 * {@code authmethod}'s events, with the {@code RADIUS} channel. Never carries a password
 * or a code.
 */
public final class RadiusEvents {

	private RadiusEvents() {
	}

	/**
	 * An Access-Request refused before any code was checked.
	 *
	 * @param userName the name the NAS sent
	 * @param userId the user, when known
	 * @param nasName the RADIUS client's name
	 * @param nasAddress its address
	 * @param reason why, for a person reading the log
	 * @param throttled whether the name's password checks are throttled
	 */
	public record AccessRejected(String userName, @Nullable UUID userId, String nasName, String nasAddress,
			String reason, boolean throttled) {
	}

	/**
	 * The password was right and an Access-Challenge asks for the code.
	 *
	 * @param userName the name the NAS sent
	 * @param userId the user
	 * @param nasName the RADIUS client's name
	 * @param nasAddress its address
	 */
	public record ChallengeSent(String userName, UUID userId, String nasName, String nasAddress) {
	}

}
