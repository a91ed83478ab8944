package io.keyfob.authmethod;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.keyfob.authmethod.MethodEvents.MethodLockedOut;
import io.keyfob.authmethod.MethodEvents.OtpRejected;
import io.keyfob.authmethod.MethodEvents.OtpVerified;
import io.keyfob.authmethod.MethodEvents.Reason;
import io.keyfob.authmethod.MethodEvents.SignInFailed;
import io.keyfob.authmethod.MethodEvents.SignInSucceeded;
import io.keyfob.authmethod.MethodEvents.TokenResynchronised;
import io.keyfob.authmethod.VerificationContext.Channel;
import io.keyfob.support.MutableClock;
import io.keyfob.support.TokenDisplay;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The verification rules of docs/design.md against the real database: windows and drift,
 * the replay guard, throttling and the escalating lock, HOTP look-ahead and resync. Codes
 * come from Keyfob's own OTP engine ({@link TokenDisplay}); time moves by hand.
 */
@SpringBootTest
@Import(MethodTestConfiguration.class)
@RecordApplicationEvents
class VerificationIntegrationTests {

	static final VerificationContext SIGN_IN = new VerificationContext(Channel.SIGN_IN, "keyfob-cli", "127.0.0.1");

	static final VerificationContext API = new VerificationContext(Channel.VERIFY_API, "vpn", "127.0.0.2");

	@Autowired
	HardwareOathMethods methods;

	@Autowired
	HardwareOathAssignments assignments;

	@Autowired
	HardwareOathActivations activations;

	@Autowired
	CodeVerification verification;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	TokenInventory inventory;

	@Autowired
	TestUserRules users;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEvents events;

	UUID user;

	Actor self;

	Actor helpdesk;

	@BeforeEach
	void setUp() {
		this.clock.set(MethodTestConfiguration.START);
		this.user = this.users.newUser();
		this.self = Actor.self(this.user, null);
		this.helpdesk = Actor.administrator(this.users.newUser(), null, false);
	}

	@Test
	void verifyWhenCodeRightThenAcceptedOnceAndReplayRejected() {
		TestTokens token = activated();
		this.clock.advance(Duration.ofSeconds(30));
		String code = token.codeAt(now());
		CodeOutcome first = verify(this.user, code, SIGN_IN);
		assertThat(first).isInstanceOf(CodeOutcome.Accepted.class);
		assertThat(methodId(first)).isEqualTo(token.id());
		assertThat(verify(this.user, code, SIGN_IN)).isInstanceOf(CodeOutcome.Rejected.class);
		assertThat(this.events.stream(SignInSucceeded.class)).hasSize(1);
		assertThat(this.events.stream(SignInFailed.class)).extracting(SignInFailed::reason)
			.containsExactly(Reason.REPLAYED);
		assertThat(this.methods.get(this.user, token.id()).lock().failures()).isZero();
	}

	@Test
	void verifyWhenOneCodeSentFromEightThreadsAtOnceThenExactlyOneAccepted() throws Exception {
		TestTokens token = activated();
		this.clock.advance(Duration.ofSeconds(30));
		String code = token.codeAt(now());
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<CodeOutcome>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return verify(this.user, code, API);
				}));
			}
			start.countDown();
			List<CodeOutcome> outcomes = new ArrayList<>();
			for (Future<CodeOutcome> answer : answers) {
				outcomes.add(answer.get(60, TimeUnit.SECONDS));
			}
			assertThat(outcomes).filteredOn(CodeOutcome.Accepted.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(CodeOutcome.Rejected.class::isInstance).hasSize(7);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.methods.get(this.user, token.id()).lock().failures())
			.as("replays are not guesses, so they do not count")
			.isZero();
	}

	@Test
	void verifyWhenFromVerifyApiThenOtpEventsWithContext() {
		TestTokens token = activated();
		this.clock.advance(Duration.ofSeconds(30));
		verify(this.user, token.codeAt(now()), API);
		verify(this.user, token.wrongCodeAt(now(), 1), API);
		assertThat(this.events.stream(OtpVerified.class)).containsExactly(new OtpVerified(this.user, token.id(), API));
		assertThat(this.events.stream(OtpRejected.class))
			.containsExactly(new OtpRejected(this.user, token.id(), Reason.WRONG, API));
		assertThat(this.events.stream(SignInSucceeded.class)).isEmpty();
	}

	@Test
	void verifyWhenUserHasNoUsableMethodThenRejectedAsAWrongCodeWouldBe() {
		TestTokens token = activated();
		UUID withoutToken = this.users.newUser();
		assertThat(verify(withoutToken, "123456", API)).isInstanceOf(CodeOutcome.Rejected.class);
		CodeOutcome unknown = new TransactionTemplate(this.transactionManager).execute(
				(status) -> this.verification.verify(UserReference.principalName("nobody@keyfob.test"), "123456", API));
		assertThat(unknown).isInstanceOf(CodeOutcome.Rejected.class);
		this.users.enabled.remove(this.user);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.methods.requiresCode(this.user)).isFalse();
		assertThat(verify(this.user, token.codeAt(now()), API)).isInstanceOf(CodeOutcome.Rejected.class);
		assertThat(this.events.stream(OtpRejected.class)).extracting(OtpRejected::reason)
			.containsExactly(Reason.NO_METHOD, Reason.NO_METHOD, Reason.NO_METHOD);
	}

	@Test
	void verifyWhenFiveConsecutiveFailuresThenNextAttemptWaitsThirtySeconds() {
		TestTokens token = activated();
		for (int i = 1; i <= 4; i++) {
			assertThat(attemptsLeft(verify(this.user, token.wrongCodeAt(now(), i), SIGN_IN))).isEqualTo(10 - i);
		}
		verify(this.user, token.wrongCodeAt(now(), 5), SIGN_IN);
		CodeOutcome throttled = verify(this.user, token.codeAt(now()), SIGN_IN);
		assertThat(throttled).isInstanceOf(CodeOutcome.Locked.class);
		assertThat(until(throttled)).isEqualTo(now().plusSeconds(30));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(verify(this.user, token.codeAt(now()), SIGN_IN)).isInstanceOf(CodeOutcome.Accepted.class);
		assertThat(this.methods.get(this.user, token.id()).lock().failures()).isZero();
	}

	@Test
	void verifyWhenTenthFailureThenLockedFifteenMinutesAndRightCodesNotConsumed() {
		TestTokens token = activated();
		CodeOutcome tenth = failTimes(token, 10);
		assertThat(tenth).isInstanceOf(CodeOutcome.Locked.class);
		assertThat(until(tenth)).isEqualTo(now().plus(Duration.ofMinutes(15)));
		assertThat(this.events.stream(MethodLockedOut.class)).hasSize(1);
		assertThat(this.events.stream(SignInFailed.class)).hasSize(9);
		assertThat(this.methods.locks(List.of(token.id())).get(token.id()).lockedUntil()).isEqualTo(until(tenth));
		Instant lastUsed = this.inventory.get(token.id()).lastUsedDateTime();
		this.clock.advance(Duration.ofMinutes(14));
		assertThat(verify(this.user, token.codeAt(now()), SIGN_IN)).isInstanceOf(CodeOutcome.Locked.class);
		assertThat(this.inventory.get(token.id()).lastUsedDateTime()).as("not consumed").isEqualTo(lastUsed);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(verify(this.user, token.codeAt(now()), SIGN_IN)).isInstanceOf(CodeOutcome.Accepted.class);
		assertThat(this.methods.get(this.user, token.id()).lock()).isEqualTo(MethodLock.NONE);
	}

	@Test
	void verifyWhenLocksRepeatThenEachDoublesUpToADayAndTheHundredthNeedsAnAdmin() {
		TestTokens token = activated();
		List<Duration> locks = new ArrayList<>();
		for (int lock = 1; lock <= 9; lock++) {
			CodeOutcome locked = failTimes(token, 10);
			locks.add(Duration.between(now(), until(locked)));
			this.clock.set(until(locked));
		}
		assertThat(locks).extracting(Duration::toMinutes)
			.containsExactly(15L, 30L, 60L, 120L, 240L, 480L, 960L, 1440L, 1440L);
		CodeOutcome hundredth = failTimes(token, 10);
		assertThat(hundredth).isEqualTo(new CodeOutcome.LockedUntilAdmin());
		assertThat(this.methods.get(this.user, token.id()).lock().requiresAdminUnlock()).isTrue();
		this.clock.advance(Duration.ofDays(30));
		assertThat(verify(this.user, token.codeAt(now()), SIGN_IN)).isInstanceOf(CodeOutcome.LockedUntilAdmin.class);
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.assignments.unlock(this.self, this.user, token.id()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("Authorization_RequestDenied"));
		this.assignments.unlock(this.helpdesk, this.user, token.id());
		assertThat(this.events.stream(MethodEvents.MethodUnlocked.class)).hasSize(1);
		assertThat(verify(this.user, token.codeAt(now()), SIGN_IN)).isInstanceOf(CodeOutcome.Accepted.class);
	}

	@Test
	void verifyWhenSameWrongCodeSentAgainThenCountedOnce() {
		TestTokens token = activated();
		String wrong = token.wrongCodeAt(now(), 42);
		for (int i = 0; i < 12; i++) {
			assertThat(verify(this.user, wrong, SIGN_IN)).isInstanceOf(CodeOutcome.Rejected.class);
		}
		assertThat(this.methods.get(this.user, token.id()).lock().failures()).isOne();
		verify(this.user, token.wrongCodeAt(now(), 43), SIGN_IN);
		assertThat(this.methods.get(this.user, token.id()).lock().failures()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "PT10M", "-PT10M", "PT20H", "-PT20H" })
	void activateWhenTokenClockIsOffThenNextCodeActivatesAndSignInFollowsTheDrift(String offset) {
		Duration drift = Duration.parse(offset);
		TestTokens token = assigned();
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(
					() -> this.activations.activate(this.self, this.user, token.id(), token.codeAt(now(), drift), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("additionalCodeRequired"));
		assertThat(this.inventory.get(token.id()).status()).isEqualTo(TokenStatus.ASSIGNED);
		this.clock.advance(Duration.ofSeconds(30));
		this.activations.activate(this.self, this.user, token.id(), token.codeAt(now(), drift), null);
		assertThat(this.inventory.get(token.id()).status()).isEqualTo(TokenStatus.ACTIVATED);
		assertThat(this.inventory.get(token.id()).driftSteps()).isEqualTo(drift.toSeconds() / 30);
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(verify(this.user, token.codeAt(now(), drift), SIGN_IN)).isInstanceOf(CodeOutcome.Accepted.class);
		assertThat(verify(this.user, token.codeAt(now()), SIGN_IN)).as("the server's own time is far from the token's")
			.isInstanceOf(CodeOutcome.Rejected.class);
	}

	@Test
	void activateWhenTheSameFarCodeIsSentTwiceThenStillAdditionalCodeRequired() {
		TestTokens token = assigned();
		Duration drift = Duration.ofHours(3);
		String first = token.codeAt(now(), drift);
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.activations.activate(this.self, this.user, token.id(), first, null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("additionalCodeRequired"));
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.activations.activate(this.self, this.user, token.id(), first, null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("additionalCodeRequired"));
		this.clock.advance(Duration.ofSeconds(30));
		this.activations.activate(this.self, this.user, token.id(), token.codeAt(now(), drift), null);
		assertThat(this.inventory.get(token.id()).status()).isEqualTo(TokenStatus.ACTIVATED);
	}

	@Test
	void activateWhenNextCodeComesAfterTheTimeoutThenItCountsAsANewFirstCode() {
		TestTokens token = assigned();
		Duration drift = Duration.ofHours(-5);
		assertThatExceptionOfType(MethodException.class).isThrownBy(
				() -> this.activations.activate(this.self, this.user, token.id(), token.codeAt(now(), drift), null));
		this.clock.advance(Duration.ofMinutes(6));
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(
					() -> this.activations.activate(this.self, this.user, token.id(), token.codeAt(now(), drift), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("additionalCodeRequired"));
	}

	@Test
	void activateWhenSecondCodeIsAtAnotherDriftThenNotActivated() {
		TestTokens token = assigned();
		assertThatExceptionOfType(MethodException.class).isThrownBy(() -> this.activations.activate(this.self,
				this.user, token.id(), token.codeAt(now(), Duration.ofHours(2)), null));
		this.clock.advance(Duration.ofSeconds(30));
		assertThatExceptionOfType(MethodException.class).isThrownBy(() -> this.activations.activate(this.self,
				this.user, token.id(), token.codeAt(now(), Duration.ofHours(7)), null));
		assertThat(this.inventory.get(token.id()).status()).isNotEqualTo(TokenStatus.ACTIVATED);
	}

	@Test
	void activateWhenMethodLockedThenLockedEvenWithTheRightCode() {
		TestTokens token = assigned();
		for (int i = 1; i <= 10; i++) {
			int n = i;
			this.clock.advance(Duration.ofSeconds(31));
			assertThatExceptionOfType(MethodException.class).isThrownBy(() -> this.activations.activate(this.self,
					this.user, token.id(), token.wrongCodeAt(now(), n), null));
		}
		assertThatExceptionOfType(CodeRefusedException.class)
			.isThrownBy(() -> this.activations.activate(this.self, this.user, token.id(), token.codeAt(now()), null))
			.satisfies((ex) -> assertThat(until(ex.outcome())).isAfter(now()));
		assertThat(this.inventory.get(token.id()).status()).isEqualTo(TokenStatus.FAILED_ACTIVATION);
	}

	@Test
	void verifyWhenUserHoldsTwoTokensThenEitherSignsInAndAWrongCodeCountsOnBoth() {
		TestTokens first = activated();
		TestTokens second = activated();
		this.clock.advance(Duration.ofSeconds(30));
		CodeOutcome viaSecond = verify(this.user, second.codeAt(now()), SIGN_IN);
		assertThat(viaSecond).isInstanceOf(CodeOutcome.Accepted.class);
		assertThat(methodId(viaSecond)).isEqualTo(second.id());
		verify(this.user, first.wrongCodeAt(now(), 77), SIGN_IN);
		assertThat(this.methods.list(this.user)).extracting((m) -> m.lock().failures()).containsExactly(1, 1);
		assertThat(this.events.stream(SignInFailed.class)).hasSize(1);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(methodId(verify(this.user, first.codeAt(now()), SIGN_IN))).isEqualTo(first.id());
		assertThat(this.methods.get(this.user, first.id()).lock().failures()).isZero();
		assertThat(this.methods.get(this.user, second.id()).lock().failures()).isOne();
	}

	@Test
	void claimWhenWrongCodesSpreadOverManyTokensThenCountedTogether() {
		for (int i = 1; i <= 5; i++) {
			TestTokens token = TestTokens.totp(this.inventory);
			int n = i;
			this.clock.advance(Duration.ofSeconds(1));
			assertThatExceptionOfType(MethodException.class)
				.isThrownBy(() -> this.activations.assignAndActivateBySerialNumber(this.self, this.user,
						token.serialNumber(), token.wrongCodeAt(now(), n), null))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalidVerificationCode"));
		}
		TestTokens sixth = TestTokens.totp(this.inventory);
		assertThatExceptionOfType(CodeRefusedException.class)
			.isThrownBy(() -> this.activations.assignAndActivateBySerialNumber(this.self, this.user,
					sixth.serialNumber(), sixth.codeAt(now()), null))
			.satisfies((ex) -> assertThat(until(ex.outcome())).isAfter(now()));
		assertThat(this.inventory.get(sixth.id()).status()).isEqualTo(TokenStatus.AVAILABLE);
		this.clock.advance(Duration.ofSeconds(30));
		this.activations.assignAndActivateBySerialNumber(this.self, this.user, sixth.serialNumber(),
				sixth.codeAt(now()), null);
		assertThat(this.inventory.get(sixth.id()).status()).isEqualTo(TokenStatus.ACTIVATED);
	}

	@Test
	void verifyWhenHotpPressedAheadWithinTenThenAcceptedAndCounterMovesOn() {
		TestTokens token = activatedHotp();
		assertThat(verify(this.user, token.press(7), SIGN_IN)).isInstanceOf(CodeOutcome.Accepted.class);
		assertThat(verify(this.user, token.press(7), SIGN_IN)).isInstanceOf(CodeOutcome.Rejected.class);
		assertThat(verify(this.user, token.press(5), SIGN_IN)).isInstanceOf(CodeOutcome.Rejected.class);
		assertThat(verify(this.user, token.press(8), SIGN_IN)).isInstanceOf(CodeOutcome.Accepted.class);
		assertThat(verify(this.user, token.press(20), SIGN_IN)).as("beyond the look-ahead of 10")
			.isInstanceOf(CodeOutcome.Rejected.class);
	}

	@Test
	void resyncWhenHotpCounterFarAheadThenTwoConsecutiveCodesBringItBack() {
		TestTokens token = activatedHotp();
		this.activations.resync(this.self, this.user, token.id(), token.press(60), token.press(61));
		assertThat(this.events.stream(TokenResynchronised.class)).hasSize(1);
		assertThat(verify(this.user, token.press(62), SIGN_IN)).isInstanceOf(CodeOutcome.Accepted.class);
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(
					() -> this.activations.resync(this.self, this.user, token.id(), token.press(70), token.press(72)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalidVerificationCode"));
	}

	@Test
	void activateWhenHotpCodeBeyondTheLookAheadThenTheNextPressActivates() {
		TestTokens token = TestTokens.hotp(this.inventory);
		this.assignments.assign(this.helpdesk, this.user, token.id());
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.activations.activate(this.self, this.user, token.id(), token.press(40), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("additionalCodeRequired"));
		this.activations.activate(this.self, this.user, token.id(), token.press(41), null);
		assertThat(this.inventory.get(token.id()).status()).isEqualTo(TokenStatus.ACTIVATED);
		assertThat(verify(this.user, token.press(42), SIGN_IN)).isInstanceOf(CodeOutcome.Accepted.class);
	}

	@Test
	void resyncWhenTotpClockDriftedHoursThenTwoCodesFindItAgain() {
		TestTokens token = activated();
		Duration drift = Duration.ofHours(2);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(verify(this.user, token.codeAt(now(), drift), SIGN_IN)).isInstanceOf(CodeOutcome.Rejected.class);
		this.activations.resync(this.helpdesk, this.user, token.id(), token.codeAt(now(), drift),
				token.codeAt(now(), drift.plusSeconds(30)));
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(verify(this.user, token.codeAt(now(), drift), SIGN_IN)).isInstanceOf(CodeOutcome.Accepted.class);
		assertThat(this.methods.get(this.user, token.id()).lock().failures()).as("the success clears failures")
			.isZero();
	}

	/**
	 * Send wrong codes, each after any throttle or lock has passed.
	 * @return the answer to the last one
	 */
	private CodeOutcome failTimes(TestTokens token, int times) {
		CodeOutcome last = null;
		for (int i = 0; i < times; i++) {
			this.clock.advance(Duration.ofSeconds(31));
			last = verify(this.user, token.wrongCodeAt(now(), this.failures++), SIGN_IN);
			assertThat(last).isNotInstanceOf(CodeOutcome.Accepted.class);
		}
		return last;
	}

	private int failures = 1;

	private Instant now() {
		return this.clock.instant();
	}

	private TestTokens assigned() {
		TestTokens token = TestTokens.totp(this.inventory);
		this.assignments.assign(this.helpdesk, this.user, token.id());
		return token;
	}

	private TestTokens activated() {
		TestTokens token = assigned();
		this.activations.activate(this.self, this.user, token.id(), token.codeAt(now()), null);
		return token;
	}

	private TestTokens activatedHotp() {
		TestTokens token = TestTokens.hotp(this.inventory);
		this.assignments.assign(this.helpdesk, this.user, token.id());
		this.activations.activate(this.self, this.user, token.id(), token.press(0), null);
		return token;
	}

	/**
	 * Verify in a transaction of the test's own: the recorded application events are
	 * those of the test's thread, so the code must not go to the group committer's.
	 * {@code VerifyApiIntegrationTests} and {@code MethodAuditIntegrationTests} cover
	 * that path.
	 */
	private CodeOutcome verify(UUID user, String code, VerificationContext context) {
		return new TransactionTemplate(this.transactionManager)
			.execute((status) -> this.verification.verify(UserReference.id(user), code, context));
	}

	private static Instant until(CodeOutcome outcome) {
		return ((CodeOutcome.Locked) outcome).until();
	}

	private static UUID methodId(CodeOutcome outcome) {
		return ((CodeOutcome.Accepted) outcome).methodId();
	}

	private static int attemptsLeft(CodeOutcome outcome) {
		return ((CodeOutcome.Rejected) outcome).attemptsLeft();
	}

}
