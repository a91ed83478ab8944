package io.keyfob.authmethod;

import java.time.Duration;
import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.HardwareOathMethodActivated;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodAssigned;
import io.keyfob.authmethod.MethodEvents.Reason;
import io.keyfob.authmethod.VerificationContext.Channel;
import io.keyfob.support.ChosenSeeds;
import io.keyfob.support.MutableClock;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.OtpType;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenSecret;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code authmethod} module on its own with the modules it uses directly: one token
 * through its whole life (created and assigned, activated, signing in once, a replay
 * refused as a replay) and the events the module publishes for the audit.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@Import(MethodTestConfiguration.class)
class AuthMethodModuleIntegrationTests {

	static final VerificationContext API = new VerificationContext(Channel.VERIFY_API, "vpn", "127.0.0.3");

	@Autowired
	HardwareOathAssignments assignments;

	@Autowired
	HardwareOathActivations activations;

	@Autowired
	CodeVerification verification;

	@Autowired
	TokenInventory inventory;

	@Autowired
	TestUserRules users;

	@Autowired
	MutableClock clock;

	@Test
	void verifyWhenTokenCreatedAssignedAndActivatedThenAcceptedOnceAndEventsPublished(
			AssertablePublishedEvents events) {
		this.clock.set(MethodTestConfiguration.START);
		UUID user = this.users.newUser();
		Actor helpdesk = Actor.administrator(this.users.newUser(), null, false);
		byte[] seed = ChosenSeeds.totp(MethodTestConfiguration.START);
		HardwareOathMethod method = this.assignments.createAndAssign(helpdesk, user, NewHardwareOathToken
			.totp("MT" + UUID.randomUUID().toString().substring(0, 8), "Feitian", "c200", TokenSecret.of(seed), 30));
		TestTokens token = new TestTokens(method.id(), method.device().serialNumber(), seed, OtpType.TOTP);
		this.activations.activate(Actor.self(user, null), user, token.id(), token.codeAt(this.clock.instant()), null);
		this.clock.advance(Duration.ofSeconds(30));
		String code = token.codeAt(this.clock.instant());

		CodeOutcome first = this.verification.verify(UserReference.id(user), code, API);
		CodeOutcome replay = this.verification.verify(UserReference.id(user), code, API);

		assertThat(first).isEqualTo(new CodeOutcome.Accepted(token.id()));
		assertThat(replay).isInstanceOfSatisfying(CodeOutcome.Rejected.class,
				(rejected) -> assertThat(rejected.reason()).isEqualTo(Reason.REPLAYED));
		assertThat(
				events.ofType(HardwareOathMethodAssigned.class).matching((assigned) -> assigned.userId().equals(user)))
			.hasSize(1);
		assertThat(events.ofType(HardwareOathMethodActivated.class)
			.matching((activated) -> activated.userId().equals(user))).hasSize(1);
	}

	@Test
	void createAndAssignWhenAssignmentRefusedThenNoTokenIsLeft() {
		UUID outsider = this.users.newUser();
		this.users.enabled.remove(outsider);
		String serial = "MT" + UUID.randomUUID().toString().substring(0, 8);
		NewHardwareOathToken token = NewHardwareOathToken.totp(serial, "Feitian", "c200",
				TokenSecret.of(ChosenSeeds.totp(MethodTestConfiguration.START)), 30);

		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.assignments.createAndAssign(Actor.application("app"), outsider, token))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("policyDisabledForUser"));
		assertThat(this.inventory.findBySerialNumber(serial)).isEmpty();
	}

}
