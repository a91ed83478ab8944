package io.keyfob.authmethod;

import java.time.Duration;
import java.time.Instant;

import io.keyfob.authmethod.jdbc.MethodState;
import org.jspecify.annotations.Nullable;

/**
 * The rules against guessing codes, per user and method (DESIGN.md "Verification rules",
 * RFC 4226 §7.3, NIST SP 800-63B §5.2.2):
 * <ul>
 * <li>after {@value #THROTTLE_AFTER} consecutive failures, each further attempt must wait
 * {@link #THROTTLE_DELAY} after the previous failure;</li>
 * <li>every {@value #LOCK_EVERY}th consecutive failure locks the method, first for
 * {@link #FIRST_LOCK}, doubling with each further lock up to {@link #MAX_LOCK};</li>
 * <li>the {@value #ADMIN_UNLOCK_AFTER}th consecutive failure locks it until an
 * administrator unlocks it.</li>
 * </ul>
 * A success or an admin unlock forgets the failures. Pure functions of the state and the
 * time.
 */
final class Lockout {

	static final int THROTTLE_AFTER = 5;

	static final Duration THROTTLE_DELAY = Duration.ofSeconds(30);

	static final int LOCK_EVERY = 10;

	static final Duration FIRST_LOCK = Duration.ofMinutes(15);

	static final Duration MAX_LOCK = Duration.ofHours(24);

	static final int ADMIN_UNLOCK_AFTER = 100;

	private Lockout() {
	}

	/**
	 * Until when attempts are refused without looking at the code.
	 * @param state the method's state
	 * @param now the time
	 * @return the time the next attempt may be made, or {@code null} if one may be made
	 * now
	 */
	static @Nullable Instant blockedUntil(MethodState state, Instant now) {
		if (state.failures() >= ADMIN_UNLOCK_AFTER) {
			return MethodLock.ADMIN_UNLOCK;
		}
		if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
			return state.lockedUntil();
		}
		if (state.failures() >= THROTTLE_AFTER && state.lastFailure() != null) {
			Instant next = state.lastFailure().plus(THROTTLE_DELAY);
			if (now.isBefore(next)) {
				return next;
			}
		}
		return null;
	}

	/**
	 * The lock that a failure brings, if any.
	 * @param failures the consecutive failures including this one
	 * @param now the time of the failure
	 * @return until when the method is locked, or {@code null}
	 */
	static @Nullable Instant lockAfter(int failures, Instant now) {
		if (failures >= ADMIN_UNLOCK_AFTER) {
			return MethodLock.ADMIN_UNLOCK;
		}
		if (failures % LOCK_EVERY != 0) {
			return null;
		}
		return now.plus(lockDuration(failures / LOCK_EVERY));
	}

	/**
	 * How long the n-th lock in a row lasts: 15 minutes, 30, 60, ... at most 24 hours.
	 * @param nth 1 for the first lock
	 * @return the duration
	 */
	static Duration lockDuration(int nth) {
		Duration duration = FIRST_LOCK;
		for (int i = 1; i < nth && duration.compareTo(MAX_LOCK) < 0; i++) {
			duration = duration.multipliedBy(2);
		}
		return (duration.compareTo(MAX_LOCK) < 0) ? duration : MAX_LOCK;
	}

	/**
	 * How many more wrong codes the method takes before the next lock.
	 * @param failures the consecutive failures so far
	 * @return 1 to {@value #LOCK_EVERY}
	 */
	static int attemptsBeforeLock(int failures) {
		return LOCK_EVERY - (failures % LOCK_EVERY);
	}

	static MethodLock view(MethodState state, Instant now) {
		Instant blocked = (state.failures() >= ADMIN_UNLOCK_AFTER) ? MethodLock.ADMIN_UNLOCK
				: (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) ? state.lockedUntil() : null;
		return new MethodLock(state.failures(), blocked);
	}

}
