package io.keyfob.authmethod.jdbc;

import java.time.Instant;
import java.util.UUID;

import io.keyfob.shared.secret.SealedSecret;
import org.jspecify.annotations.Nullable;

/**
 * One row of guessing and activation state, for one user and one token.
 *
 * @param userId the user
 * @param tokenId the token
 * @param registered when the user was given the token, or {@code null} if the user only
 * tried to claim it
 * @param failures consecutive failed codes since the last success or admin unlock
 * @param lastFailure when the last failure happened
 * @param lockedUntil until when codes are refused, or {@code null}
 * @param lastWrongCode the last wrong code, sealed, or {@code null}
 * @param pendingDrift where a first activation code matched outside the narrow window:
 * its drift, or {@code null} when no activation is half done
 * @param pendingPosition the step or counter of that first code
 * @param pendingExpires when the half-done activation is forgotten
 */
public record MethodState(UUID userId, UUID tokenId, @Nullable Instant registered, int failures,
		@Nullable Instant lastFailure, @Nullable Instant lockedUntil, @Nullable SealedSecret lastWrongCode,
		@Nullable Integer pendingDrift, @Nullable Long pendingPosition, @Nullable Instant pendingExpires) {

	/**
	 * A fresh state: no failures, no lock, nothing pending.
	 * @param userId the user
	 * @param tokenId the token
	 * @param registered when the user was given the token, or {@code null}
	 * @return the state
	 */
	public static MethodState fresh(UUID userId, UUID tokenId, @Nullable Instant registered) {
		return new MethodState(userId, tokenId, registered, 0, null, null, null, null, null, null);
	}

	public MethodState withRegistered(@Nullable Instant when) {
		return new MethodState(this.userId, this.tokenId, when, this.failures, this.lastFailure, this.lockedUntil,
				this.lastWrongCode, this.pendingDrift, this.pendingPosition, this.pendingExpires);
	}

	public MethodState withFailure(int newFailures, Instant when, @Nullable Instant newLockedUntil,
			@Nullable SealedSecret wrongCode) {
		return new MethodState(this.userId, this.tokenId, this.registered, newFailures, when, newLockedUntil, wrongCode,
				this.pendingDrift, this.pendingPosition, this.pendingExpires);
	}

	public MethodState withPending(@Nullable Integer drift, @Nullable Long position, @Nullable Instant expires) {
		return new MethodState(this.userId, this.tokenId, this.registered, this.failures, this.lastFailure,
				this.lockedUntil, this.lastWrongCode, drift, position, expires);
	}

	/**
	 * Forget failures, lock and anything pending: after a success or an admin unlock.
	 * @return the cleared state, still registered as before
	 */
	public MethodState cleared() {
		return fresh(this.userId, this.tokenId, this.registered);
	}

}
