package io.keyfob.authmethod;

import java.util.UUID;

import io.keyfob.token.BlockReason;
import org.jspecify.annotations.Nullable;

/**
 * What blocking and unblocking tokens publishes. Past tense, ids only.
 */
public final class BlockEvents {

	private BlockEvents() {
	}

	/**
	 * A token was blocked; if someone held it, their method is gone.
	 *
	 * @param tokenId the token
	 * @param serialNumber its serial number
	 * @param formerHolder the user who held it, or {@code null}
	 * @param reason why
	 * @param actor who blocked it
	 */
	public record HardwareOathTokenBlocked(UUID tokenId, String serialNumber, @Nullable UUID formerHolder,
			BlockReason reason, Actor actor) {
	}

	/**
	 * A blocked token is back in the inventory, available.
	 *
	 * @param tokenId the token
	 * @param serialNumber its serial number
	 * @param reason why it had been blocked
	 * @param actor who unblocked it
	 */
	public record HardwareOathTokenUnblocked(UUID tokenId, String serialNumber, BlockReason reason, Actor actor) {
	}

}
