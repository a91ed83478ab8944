package io.keyfob.authmethod;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.keyfob.authmethod.jdbc.MethodState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The numbers of the lockout rules, without a database.
 */
class LockoutTests {

	static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

	@Test
	void lockDurationWhenLocksRepeatThenDoublesAndStopsAtADay() {
		assertThat(Lockout.lockDuration(1)).isEqualTo(Duration.ofMinutes(15));
		assertThat(Lockout.lockDuration(2)).isEqualTo(Duration.ofMinutes(30));
		assertThat(Lockout.lockDuration(7)).isEqualTo(Duration.ofMinutes(960));
		assertThat(Lockout.lockDuration(8)).isEqualTo(Duration.ofHours(24));
		assertThat(Lockout.lockDuration(1000)).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void lockAfterWhenCountIsNotATenthThenNoLock() {
		assertThat(Lockout.lockAfter(9, NOW)).isNull();
		assertThat(Lockout.lockAfter(10, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
		assertThat(Lockout.lockAfter(11, NOW)).isNull();
		assertThat(Lockout.lockAfter(100, NOW)).isEqualTo(MethodLock.ADMIN_UNLOCK);
	}

	@Test
	void blockedUntilWhenFewerThanFiveFailuresThenNotBlocked() {
		assertThat(Lockout.blockedUntil(state(4, NOW, null), NOW)).isNull();
	}

	@Test
	void blockedUntilWhenFiveFailuresThenThirtySecondsAfterTheLast() {
		assertThat(Lockout.blockedUntil(state(5, NOW, null), NOW.plusSeconds(10))).isEqualTo(NOW.plusSeconds(30));
		assertThat(Lockout.blockedUntil(state(5, NOW, null), NOW.plusSeconds(30))).isNull();
	}

	@Test
	void blockedUntilWhenLockExpiredThenOnlyTheThrottleRemains() {
		Instant lockedUntil = NOW.plus(Duration.ofMinutes(15));
		MethodState state = state(10, NOW, lockedUntil);
		assertThat(Lockout.blockedUntil(state, NOW.plusSeconds(60))).isEqualTo(lockedUntil);
		assertThat(Lockout.blockedUntil(state, lockedUntil)).isNull();
	}

	@Test
	void blockedUntilWhenHundredFailuresThenOnlyAnAdminHelps() {
		assertThat(Lockout.blockedUntil(state(100, NOW, null), NOW.plus(Duration.ofDays(365))))
			.isEqualTo(MethodLock.ADMIN_UNLOCK);
	}

	@Test
	void attemptsBeforeLockWhenCountingThenTenMinusTheRest() {
		assertThat(Lockout.attemptsBeforeLock(0)).isEqualTo(10);
		assertThat(Lockout.attemptsBeforeLock(9)).isEqualTo(1);
		assertThat(Lockout.attemptsBeforeLock(10)).isEqualTo(10);
	}

	private static MethodState state(int failures, Instant lastFailure, Instant lockedUntil) {
		return new MethodState(UUID.randomUUID(), UUID.randomUUID(), NOW, failures, lastFailure, lockedUntil, null,
				null, null, null);
	}

}
