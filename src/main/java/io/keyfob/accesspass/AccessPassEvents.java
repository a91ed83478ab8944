package io.keyfob.accesspass;

import java.util.UUID;

/**
 * What this module publishes. Past tense, ids only: never a pass. A pass presented is
 * published by {@link io.keyfob.authmethod.PassGuard}, which checks it under the lockout
 * of codes.
 */
public final class AccessPassEvents {

	private AccessPassEvents() {
	}

	/**
	 * A pass was created for a user.
	 *
	 * @param userId the user
	 * @param methodId the pass's method id
	 * @param isUsableOnce whether it is one-time
	 * @param lifetimeInMinutes how long it lasts
	 */
	public record TemporaryAccessPassCreated(UUID userId, UUID methodId, boolean isUsableOnce, int lifetimeInMinutes) {
	}

	/**
	 * A user's pass was deleted.
	 *
	 * @param userId the user
	 * @param methodId the pass's method id
	 */
	public record TemporaryAccessPassDeleted(UUID userId, UUID methodId) {
	}

	/**
	 * The pass policy changed.
	 *
	 * @param state the state now
	 */
	public record TemporaryAccessPassPolicyChanged(String state) {
	}

}
