package io.keyfob.accesspass;

import java.util.UUID;

/**
 * What this module publishes. Past tense, ids only: never a pass.
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
	 * A pass was presented at sign-in.
	 *
	 * @param userId the user
	 * @param accepted whether it was accepted
	 */
	public record TemporaryAccessPassPresented(UUID userId, boolean accepted) {
	}

	/**
	 * The pass policy changed.
	 *
	 * @param state the state now
	 */
	public record TemporaryAccessPassPolicyChanged(String state) {
	}

}
