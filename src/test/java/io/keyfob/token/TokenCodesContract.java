package io.keyfob.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.keyfob.otp.HashFunction;
import io.keyfob.otp.OtpCode;
import io.keyfob.otp.Totp;
import io.keyfob.support.ChosenSeeds;
import io.keyfob.support.MutableClock;
import io.keyfob.support.TokenDisplay;
import io.keyfob.support.TestClockConfiguration;
import io.keyfob.token.CodeCheck.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the token module checks codes, against a real database, with codes computed by
 * Keyfob's own OTP engine ({@link TokenDisplay}) from the seed and a clock the tests move
 * by hand.
 */
@Import(TestClockConfiguration.class)
abstract class TokenCodesContract {

	@Autowired
	TokenInventory inventory;

	@Autowired
	TokenCodes codes;

	@Autowired
	MutableClock clock;

	byte[] secret;

	@BeforeEach
	void newSecret() {
		this.clock.set(TestClockConfiguration.START);
		this.secret = ChosenSeeds.totp(TestClockConfiguration.START, Duration.ofMinutes(10), Duration.ofMinutes(-10),
				Duration.ofHours(20), Duration.ofHours(-20), Duration.ofHours(3));
	}

	@Test
	void checkWhenCurrentCodeThenAcceptedOnceThenReplayed() {
		UUID id = totpToken(HashFunction.HMAC_SHA1);
		OtpCode code = totpAt(HashFunction.HMAC_SHA1, this.clock.instant());
		assertThat(this.codes.check(id, code, CheckWindow.signIn()).outcome()).isEqualTo(Outcome.ACCEPTED);
		assertThat(this.codes.check(id, code, CheckWindow.signIn()).outcome()).isEqualTo(Outcome.REPLAYED);
		assertThat(this.inventory.get(id).lastUsedDateTime()).isEqualTo(this.clock.instant());
	}

	@Test
	void checkWhenEarlierStepThanLastAcceptedThenReplayed() {
		UUID id = totpToken(HashFunction.HMAC_SHA256);
		OtpCode previous = totpAt(HashFunction.HMAC_SHA256, this.clock.instant().minusSeconds(30));
		OtpCode current = totpAt(HashFunction.HMAC_SHA256, this.clock.instant());
		assertThat(this.codes.check(id, current, CheckWindow.signIn()).accepted()).isTrue();
		assertThat(this.codes.check(id, previous, CheckWindow.signIn()).outcome()).isEqualTo(Outcome.REPLAYED);
	}

	@Test
	void checkWhenWrongCodeThenRejectedAndNothingRecorded() {
		UUID id = totpToken(HashFunction.HMAC_SHA1);
		OtpCode code = totpAt(HashFunction.HMAC_SHA1, this.clock.instant());
		OtpCode wrong = OtpCode.parse(code.equals(OtpCode.parse("000000")) ? "111111" : "000000");
		assertThat(this.codes.check(id, wrong, CheckWindow.signIn()).outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(this.inventory.get(id).lastUsedDateTime()).isNull();
		assertThat(this.codes.check(id, code, CheckWindow.signIn()).accepted()).isTrue();
	}

	@Test
	void checkWhenTokenClockTenMinutesAheadThenOnlyWideWindowFindsItAndDriftIsLearned() {
		assertDriftLearned(Duration.ofMinutes(10), 20);
	}

	@Test
	void checkWhenTokenClockTenMinutesBehindThenDriftIsLearned() {
		assertDriftLearned(Duration.ofMinutes(-10), -20);
	}

	@Test
	void checkWhenTokenClockTwentyHoursAheadThenDriftIsLearned() {
		assertDriftLearned(Duration.ofHours(20), 2400);
	}

	@Test
	void checkWhenTokenClockTwentyHoursBehindThenDriftIsLearned() {
		assertDriftLearned(Duration.ofHours(-20), -2400);
	}

	@Test
	void checkWhenOneCodeSentFromEightThreadsThenExactlyOneAccepted() throws Exception {
		UUID id = totpToken(HashFunction.HMAC_SHA1);
		OtpCode code = totpAt(HashFunction.HMAC_SHA1, this.clock.instant());
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Outcome>> attempts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			attempts.add(() -> {
				start.await();
				return this.codes.check(id, code, CheckWindow.signIn()).outcome();
			});
		}
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Outcome>> results = new ArrayList<>();
			attempts.forEach((attempt) -> results.add(threads.submit(attempt)));
			start.countDown();
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<Outcome> result : results) {
				outcomes.add(result.get());
			}
			assertThat(outcomes).containsOnlyOnce(Outcome.ACCEPTED).containsOnly(Outcome.ACCEPTED, Outcome.REPLAYED);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void checkWhenHotpCodeWithinLookAheadThenAcceptedAndCounterMovesPastIt() {
		UUID id = hotpToken(0);
		assertThat(this.codes.check(id, hotp(5), CheckWindow.signIn()).position()).isEqualTo(5);
		assertThat(this.codes.check(id, hotp(5), CheckWindow.signIn()).accepted()).isFalse();
		assertThat(this.codes.check(id, hotp(6), CheckWindow.signIn()).accepted()).isTrue();
		// the counter now expects 7; look-ahead 10 reaches 17, not 18
		assertThat(this.codes.check(id, hotp(18), CheckWindow.signIn()).outcome()).isEqualTo(Outcome.REJECTED);
	}

	@Test
	void resyncWhenTwoConsecutiveHotpCodesWithinHundredThenCounterFollows() {
		UUID id = hotpToken(0);
		assertThat(this.codes.check(id, hotp(60), CheckWindow.signIn()).accepted()).isFalse();
		assertThat(this.codes.resync(id, hotp(60), hotp(62)).accepted()).as("not consecutive").isFalse();
		CodeCheck resync = this.codes.resync(id, hotp(60), hotp(61));
		assertThat(resync.accepted()).isTrue();
		assertThat(resync.position()).isEqualTo(61);
		assertThat(this.codes.check(id, hotp(62), CheckWindow.signIn()).accepted()).isTrue();
	}

	@Test
	void resyncWhenTwoConsecutiveTotpCodesHoursOffThenDriftFollows() {
		UUID id = totpToken(HashFunction.HMAC_SHA1);
		Instant tokenTime = this.clock.instant().plus(Duration.ofHours(3));
		CodeCheck resync = this.codes.resync(id, totpAt(HashFunction.HMAC_SHA1, tokenTime),
				totpAt(HashFunction.HMAC_SHA1, tokenTime.plusSeconds(30)));
		assertThat(resync.accepted()).isTrue();
		assertThat(resync.driftSteps()).isEqualTo(361);
		assertThat(this.inventory.get(id).driftSteps()).isEqualTo(361);
	}

	private void assertDriftLearned(Duration tokenOffset, int expectedDrift) {
		Instant tokenTime = this.clock.instant().plus(tokenOffset);
		UUID id = totpToken(HashFunction.HMAC_SHA1);
		OtpCode first = totpAt(HashFunction.HMAC_SHA1, tokenTime);
		assertThat(this.codes.check(id, first, CheckWindow.signIn()).outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(this.codes.locate(id, first, CheckWindow.activation()))
			.contains(new CodeMatch(Totp.step(tokenTime.getEpochSecond(), 30), expectedDrift));
		CodeCheck accepted = this.codes.check(id, first, CheckWindow.activation());
		assertThat(accepted.driftSteps()).isEqualTo(expectedDrift);
		this.clock.advance(Duration.ofMinutes(5));
		OtpCode later = totpAt(HashFunction.HMAC_SHA1, this.clock.instant().plus(tokenOffset));
		assertThat(this.codes.check(id, later, CheckWindow.signIn()).accepted()).as("narrow window at learned drift")
			.isTrue();
		assertThat(this.inventory.get(id).driftSteps()).isEqualTo(expectedDrift);
	}

	private UUID totpToken(HashFunction hash) {
		return this.inventory
			.create(new NewHardwareOathToken("T-" + UUID.randomUUID(), null, "Token2", "C202",
					TokenSecret.of(this.secret), OtpType.TOTP, hash, 6, 30, 0, 0))
			.id();
	}

	private UUID hotpToken(long counter) {
		this.secret = ChosenSeeds.hotp(80);
		return this.inventory
			.create(new NewHardwareOathToken("H-" + UUID.randomUUID(), null, "Feitian", "OTP c100",
					TokenSecret.of(this.secret), OtpType.HOTP, HashFunction.HMAC_SHA1, 6, null, counter, 0))
			.id();
	}

	private OtpCode totpAt(HashFunction hash, Instant at) {
		return OtpCode.parse(TokenDisplay.totp(this.secret, hash, 6, 30, at));
	}

	private OtpCode hotp(long counter) {
		return OtpCode.parse(TokenDisplay.hotp(this.secret, 6, counter));
	}

}
