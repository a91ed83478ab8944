package io.keyfob.authmethod;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a sign-in code. A wrong code is an answer, not an exception.
 *
 * @param outcome accepted, rejected or locked
 * @param methodId the method whose code was accepted, or {@code null}
 * @param retryAt for a locked answer: when the next attempt may be made
 * @param attemptsLeft for a rejected answer: wrong codes left before the next lock
 */
public record Verification(Outcome outcome, @Nullable UUID methodId, @Nullable Instant retryAt, int attemptsLeft) {

	static Verification accepted(UUID methodId) {
		return new Verification(Outcome.ACCEPTED, methodId, null, 0);
	}

	static Verification rejected(int attemptsLeft) {
		return new Verification(Outcome.REJECTED, null, null, attemptsLeft);
	}

	static Verification locked(Instant retryAt) {
		return new Verification(Outcome.LOCKED, null, retryAt, 0);
	}

	public boolean accepted() {
		return this.outcome == Outcome.ACCEPTED;
	}

	/**
	 * What became of a code.
	 */
	public enum Outcome {

		/** The code was right and is now used up. */
		ACCEPTED,

		/**
		 * Wrong, already used, or the user has no method that the policy allows: callers
		 * cannot tell which.
		 */
		REJECTED,

		/** Too many wrong codes: no code is looked at until {@code retryAt}. */
		LOCKED

	}

}
