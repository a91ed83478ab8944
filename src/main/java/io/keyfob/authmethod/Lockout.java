package io.keyfob.authmethod;

import java.time.Duration;
import java.time.Instant;

import io.keyfob.authmethod.jdbc.MethodState;
import io.keyfob.policy.VerificationSettings;
import org.jspecify.annotations.Nullable;

/**
 * The rules against guessing codes, per user and method (docs/design.md "Verification
 * rules", RFC 4226 §7.3, NIST SP 800-63B §5.2.2), with the numbers of
 * {@code keyfob.lockout.*} (defaults in brackets):
 * <ul>
 * <li>after {@code throttle-after} [5] consecutive failures, each further attempt must
 * wait {@link #THROTTLE_DELAY} after the previous failure;</li>
 * <li>every {@code lock-after}th [10th] consecutive failure locks the method, first for
 * {@code lock-duration} [15 minutes], doubling with each further lock up to
 * {@code max-lock-duration} [24 hours];</li>
 * <li>the {@code max-failures}th [100th] consecutive failure locks it until an
 * administrator unlocks it.</li>
 * </ul>
 * A success or an admin unlock forgets the failures. Pure functions of the state and the
 * time.
 */
final class Lockout {

	static final Duration THROTTLE_DELAY = Duration.ofSeconds(30);

	private final VerificationSettings.Lockout settings;

	Lockout(VerificationSettings.Lockout settings) {
		this.settings = settings;
	}

	/**
	 * Whether attempts are refused now without looking at the code.
	 * @param state the method's state
	 * @param now the time
	 * @return {@link CodeOutcome.Locked} or {@link CodeOutcome.LockedUntilAdmin}, or
	 * {@code null} if an attempt may be made now
	 */
	@Nullable CodeOutcome blocked(MethodState state, Instant now) {
		CodeOutcome locked = locked(state, now);
		if (locked != null) {
			return locked;
		}
		if (state.failures() >= this.settings.throttleAfter() && state.lastFailure() != null) {
			Instant next = state.lastFailure().plus(THROTTLE_DELAY);
			if (now.isBefore(next)) {
				return new CodeOutcome.Locked(next, true);
			}
		}
		return null;
	}

	/**
	 * The lock that a failure brings, if any.
	 * @param failures the consecutive failures including this one
	 * @param now the time of the failure
	 * @return {@link CodeOutcome.Locked} or {@link CodeOutcome.LockedUntilAdmin}, or
	 * {@code null}
	 */
	@Nullable CodeOutcome lockAfter(int failures, Instant now) {
		if (failures >= this.settings.maxFailures()) {
			return new CodeOutcome.LockedUntilAdmin();
		}
		if (failures % this.settings.lockAfter() != 0) {
			return null;
		}
		return new CodeOutcome.Locked(now.plus(lockDuration(failures / this.settings.lockAfter())));
	}

	/**
	 * How long the n-th lock in a row lasts: 15 minutes, 30, 60, ... at most 24 hours by
	 * default.
	 * @param nth 1 for the first lock
	 * @return the duration
	 */
	Duration lockDuration(int nth) {
		Duration max = this.settings.maxLockDuration();
		Duration duration = this.settings.lockDuration();
		for (int i = 1; i < nth && duration.compareTo(max) < 0; i++) {
			duration = duration.multipliedBy(2);
		}
		return (duration.compareTo(max) < 0) ? duration : max;
	}

	/**
	 * How many more wrong codes the method takes before the next lock.
	 * @param failures the consecutive failures so far
	 * @return 1 to {@code lock-after}
	 */
	int attemptsBeforeLock(int failures) {
		return this.settings.lockAfter() - (failures % this.settings.lockAfter());
	}

	/**
	 * Whether, after these failures, each further attempt must wait
	 * {@link #THROTTLE_DELAY} after the previous failure.
	 * @param failures the consecutive failures so far
	 * @return whether attempts are throttled
	 */
	boolean throttles(int failures) {
		return this.settings.throttles(failures);
	}

	/**
	 * The lock state as admins and the inventory see it.
	 * @param state the method's state
	 * @param now the time
	 * @return failures and, if locked now, until when
	 */
	MethodLock view(MethodState state, Instant now) {
		CodeOutcome locked = locked(state, now);
		if (locked instanceof CodeOutcome.LockedUntilAdmin) {
			return MethodLock.untilAdmin(state.failures());
		}
		return new MethodLock(state.failures(), (locked instanceof CodeOutcome.Locked until) ? until.until() : null,
				false);
	}

	private @Nullable CodeOutcome locked(MethodState state, Instant now) {
		if (state.failures() >= this.settings.maxFailures()) {
			return new CodeOutcome.LockedUntilAdmin();
		}
		return (state.lockedUntil() != null && now.isBefore(state.lockedUntil()))
				? new CodeOutcome.Locked(state.lockedUntil()) : null;
	}

}
