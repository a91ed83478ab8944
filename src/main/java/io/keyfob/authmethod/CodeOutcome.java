package io.keyfob.authmethod;

import java.time.Instant;
import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.Reason;

/**
 * What became of a code: the one answer of sign-in verification, activation and
 * resynchronisation. Adapters turn it into words or HTTP with {@link #match}, which makes
 * them handle every case; none of them decides anything from a lock's time.
 * <p>
 * {@link Rejected#reason()} is for the sign-in log that administrators read: a wrong, a
 * used or an unknown user's code must look alike to the user and to the client, so
 * adapters never show it.
 */
public sealed interface CodeOutcome {

	/**
	 * Hand this outcome to the case that handles it.
	 * @param <R> what the cases make of it
	 * @param cases one method per kind of outcome
	 * @return what the matching case returned
	 */
	<R> R match(Cases<R> cases);

	/**
	 * Whether the code was accepted.
	 * @return {@code true} only for {@link Accepted}
	 */
	default boolean accepted() {
		return this instanceof Accepted;
	}

	/**
	 * The code was right and is now used up.
	 *
	 * @param methodId the method (token) whose code it was
	 */
	record Accepted(UUID methodId) implements CodeOutcome {

		@Override
		public <R> R match(Cases<R> cases) {
			return cases.accepted(this);
		}

	}

	/**
	 * The code was not accepted: wrong, already used, malformed, or the user has no
	 * usable method; callers cannot tell which.
	 *
	 * @param attemptsLeft wrong codes left before the next lock
	 * @param reason why, for the sign-in log only: never shown to the user or the client
	 * @param throttled whether each further attempt must now wait
	 * {@link io.keyfob.policy.VerificationSettings.Lockout#THROTTLE_DELAY} after a wrong
	 * code, so pages can say so without counting failures themselves
	 */
	record Rejected(int attemptsLeft, Reason reason, boolean throttled) implements CodeOutcome {

		/**
		 * A rejection before throttling begins.
		 * @param attemptsLeft wrong codes left before the next lock
		 * @param reason why, for the sign-in log only
		 */
		public Rejected(int attemptsLeft, Reason reason) {
			this(attemptsLeft, reason, false);
		}

		@Override
		public <R> R match(Cases<R> cases) {
			return cases.rejected(this);
		}

	}

	/**
	 * Too many wrong codes: no code is looked at until {@code until}.
	 *
	 * @param until when the next attempt may be made
	 * @param throttle whether this is only the short wait between attempts once
	 * throttling has begun, not a lock of the method
	 */
	record Locked(Instant until, boolean throttle) implements CodeOutcome {

		/**
		 * A lock of the method.
		 * @param until when the next attempt may be made
		 */
		public Locked(Instant until) {
			this(until, false);
		}

		@Override
		public <R> R match(Cases<R> cases) {
			return cases.locked(this);
		}

	}

	/**
	 * So many wrong codes that only an administrator can unlock the method.
	 */
	record LockedUntilAdmin() implements CodeOutcome {

		@Override
		public <R> R match(Cases<R> cases) {
			return cases.lockedUntilAdmin(this);
		}

	}

	/**
	 * Activation only: the code matched far from the token's expected clock or counter;
	 * the token's next code confirms it.
	 */
	record AdditionalCodeRequired() implements CodeOutcome {

		@Override
		public <R> R match(Cases<R> cases) {
			return cases.additionalCodeRequired(this);
		}

	}

	/**
	 * One method per kind of outcome: the compiler makes an adapter handle every kind.
	 *
	 * @param <R> what the cases make of an outcome
	 */
	interface Cases<R> {

		R accepted(Accepted accepted);

		R rejected(Rejected rejected);

		R locked(Locked locked);

		R lockedUntilAdmin(LockedUntilAdmin locked);

		R additionalCodeRequired(AdditionalCodeRequired additional);

	}

}
