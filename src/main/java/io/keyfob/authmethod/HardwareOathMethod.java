package io.keyfob.authmethod;

import java.time.Instant;
import java.util.UUID;

import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenStatus;
import org.jspecify.annotations.Nullable;

/**
 * A hardware token as one of a user's authentication methods (Graph:
 * {@code hardwareOathAuthenticationMethod}, with its {@code device} expanded). The method
 * id is the device id.
 *
 * @param userId the user holding the token
 * @param device the token
 * @param createdDateTime when the token was assigned to the user, or {@code null} if not
 * known (a token assigned before this module recorded it)
 * @param lock failures and lock state of the method
 */
public record HardwareOathMethod(UUID userId, HardwareOathToken device, @Nullable Instant createdDateTime,
		MethodLock lock) {

	/**
	 * The method id, equal to the device id.
	 * @return the id
	 */
	public UUID id() {
		return this.device.id();
	}

	/**
	 * Whether the method can be used to sign in (if the policy targets the user).
	 * @return whether the token is activated
	 */
	public boolean isActivated() {
		return this.device.status() == TokenStatus.ACTIVATED;
	}

}
