package io.keyfob.authmethod;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.keyfob.authmethod.jdbc.MethodState;
import io.keyfob.policy.VerificationSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The numbers of the lockout rules, without a database.
 */
class LockoutTests {

	static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	/** The defaults of {@code keyfob.lockout.*}. */
	final Lockout lockout = new Lockout(
			new VerificationSettings.Lockout(5, 10, Duration.ofMinutes(15), Duration.ofHours(24), 100));

	@Test
	void lockDurationWhenLocksRepeatThenDoublesAndStopsAtADay() {
		assertThat(this.lockout.lockDuration(1)).isEqualTo(Duration.ofMinutes(15));
		assertThat(this.lockout.lockDuration(2)).isEqualTo(Duration.ofMinutes(30));
		assertThat(this.lockout.lockDuration(7)).isEqualTo(Duration.ofMinutes(960));
		assertThat(this.lockout.lockDuration(8)).isEqualTo(Duration.ofHours(24));
		assertThat(this.lockout.lockDuration(1000)).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void lockAfterWhenCountIsNotATenthThenNoLock() {
		assertThat(this.lockout.lockAfter(9, NOW)).isNull();
		assertThat(this.lockout.lockAfter(10, NOW)).isEqualTo(new CodeOutcome.Locked(NOW.plus(Duration.ofMinutes(15))));
		assertThat(this.lockout.lockAfter(11, NOW)).isNull();
		assertThat(this.lockout.lockAfter(100, NOW)).isEqualTo(new CodeOutcome.LockedUntilAdmin());
	}

	@Test
	void blockedUntilWhenFewerThanFiveFailuresThenNotBlocked() {
		assertThat(this.lockout.blocked(state(4, NOW, null), NOW)).isNull();
	}

	@Test
	void blockedUntilWhenFiveFailuresThenThirtySecondsAfterTheLast() {
		assertThat(this.lockout.blocked(state(5, NOW, null), NOW.plusSeconds(10)))
			.isEqualTo(new CodeOutcome.Locked(NOW.plusSeconds(30), true));
		assertThat(this.lockout.blocked(state(5, NOW, null), NOW.plusSeconds(30))).isNull();
	}

	@Test
	void blockedWhenLockedThenALockNotAThrottle() {
		Instant lockedUntil = NOW.plus(Duration.ofMinutes(15));
		assertThat(this.lockout.blocked(state(10, NOW, lockedUntil), NOW.plusSeconds(10)))
			.isEqualTo(new CodeOutcome.Locked(lockedUntil, false));
	}

	@Test
	void throttlesWhenFailuresReachFiveThenEvenAfterALock() {
		assertThat(this.lockout.throttles(4)).isFalse();
		assertThat(this.lockout.throttles(5)).isTrue();
		// the tenth failure starts a new round of ten attempts, still throttled
		assertThat(this.lockout.throttles(10)).isTrue();
		assertThat(this.lockout.throttles(11)).isTrue();
	}

	@Test
	void blockedUntilWhenLockExpiredThenOnlyTheThrottleRemains() {
		Instant lockedUntil = NOW.plus(Duration.ofMinutes(15));
		MethodState state = state(10, NOW, lockedUntil);
		assertThat(this.lockout.blocked(state, NOW.plusSeconds(60))).isEqualTo(new CodeOutcome.Locked(lockedUntil));
		assertThat(this.lockout.blocked(state, lockedUntil)).isNull();
	}

	@Test
	void blockedUntilWhenHundredFailuresThenOnlyAnAdminHelps() {
		assertThat(this.lockout.blocked(state(100, NOW, null), NOW.plus(Duration.ofDays(365))))
			.isEqualTo(new CodeOutcome.LockedUntilAdmin());
	}

	@Test
	void attemptsBeforeLockWhenCountingThenTenMinusTheRest() {
		assertThat(this.lockout.attemptsBeforeLock(0)).isEqualTo(10);
		assertThat(this.lockout.attemptsBeforeLock(9)).isEqualTo(1);
		assertThat(this.lockout.attemptsBeforeLock(10)).isEqualTo(10);
	}

	private static MethodState state(int failures, Instant lastFailure, Instant lockedUntil) {
		return new MethodState(UUID.randomUUID(), UUID.randomUUID(), NOW, failures, lastFailure, lockedUntil, null,
				null, null, null);
	}

}
