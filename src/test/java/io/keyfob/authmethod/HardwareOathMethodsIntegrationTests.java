package io.keyfob.authmethod;

import java.time.Duration;
import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.ActivationFailed;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodActivated;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodAssigned;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodDeactivated;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodUnassigned;
import io.keyfob.authmethod.MethodEvents.Reason;
import io.keyfob.shared.KeyfobException;
import io.keyfob.support.MutableClock;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Assigning, activating and removing users' tokens against the real inventory and
 * database, with codes from Keyfob's own OTP engine and a clock the tests move.
 */
@SpringBootTest
@Import(MethodTestConfiguration.class)
@RecordApplicationEvents
class HardwareOathMethodsIntegrationTests {

	@Autowired
	HardwareOathMethods methods;

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

	@Autowired
	ApplicationEvents events;

	UUID user;

	Actor self;

	Actor helpdesk;

	@BeforeEach
	void setUp() {
		this.clock.set(MethodTestConfiguration.START);
		this.user = this.users.newUser();
		this.self = Actor.self(this.user, "keyfob-cli");
		this.helpdesk = Actor.administrator(this.users.newUser(), "keyfob-cli", false);
	}

	@Test
	void assignWhenTokenAvailableThenAssignedWithOneEvent() {
		TestTokens token = TestTokens.totp(this.inventory);
		HardwareOathMethod method = this.assignments.assign(this.helpdesk, this.user, token.id());
		assertThat(method.id()).isEqualTo(token.id());
		assertThat(method.device().status()).isEqualTo(TokenStatus.ASSIGNED);
		assertThat(method.createdDateTime()).isEqualTo(MethodTestConfiguration.START);
		assertThat(this.methods.list(this.user)).extracting(HardwareOathMethod::id).containsExactly(token.id());
		assertThat(this.events.stream(HardwareOathMethodAssigned.class))
			.containsExactly(new HardwareOathMethodAssigned(this.user, token.id(), this.helpdesk));
	}

	@Test
	void assignWhenPolicyDoesNotTargetUserThenPolicyDisabledForUser() {
		TestTokens token = TestTokens.totp(this.inventory);
		this.users.enabled.remove(this.user);
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.assignments.assign(this.helpdesk, this.user, token.id()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("policyDisabledForUser"));
		assertThat(this.inventory.get(token.id()).status()).isEqualTo(TokenStatus.AVAILABLE);
	}

	@Test
	void assignWhenTokenHeldByAnotherUserThenAdminSeesConflictAndUserSeesNotFound() {
		TestTokens token = TestTokens.totp(this.inventory);
		UUID other = this.users.newUser();
		this.assignments.assign(this.helpdesk, other, token.id());
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.assignments.assign(this.helpdesk, this.user, token.id()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("tokenAlreadyAssigned"))
			.withMessageNotContaining(other.toString());
		MethodException unknown = catchMethodException(() -> this.assignments.assign(this.self, this.user,
				UUID.fromString("00000000-0000-0000-0000-000000000001")));
		MethodException held = catchMethodException(() -> this.assignments.assign(this.self, this.user, token.id()));
		assertThat(held.code()).isEqualTo(unknown.code()).isEqualTo("tokenNotFound");
		assertThat(held.kind()).isEqualTo(unknown.kind());
		assertThat(held.getMessage()).doesNotContain(other.toString());
	}

	@Test
	void assignWhenUserHoldsFiveTokensThenMethodLimitReached() {
		for (int i = 0; i < 5; i++) {
			this.assignments.assign(this.helpdesk, this.user, TestTokens.totp(this.inventory).id());
		}
		TestTokens sixth = TestTokens.totp(this.inventory);
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.assignments.assign(this.helpdesk, this.user, sixth.id()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("methodLimitReached"));
		assertThat(this.inventory.get(sixth.id()).status()).isEqualTo(TokenStatus.AVAILABLE);
	}

	@Test
	void assignWhenAuthenticationAdministratorTargetsAnAdminThenDeniedAndPrivilegedAllowed() {
		UUID admin = this.users.newAdmin();
		TestTokens token = TestTokens.totp(this.inventory);
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.assignments.assign(this.helpdesk, admin, token.id()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("Authorization_RequestDenied"));
		Actor privileged = Actor.administrator(this.users.newAdmin(), null, true);
		assertThat(this.assignments.assign(privileged, admin, token.id()).device().assignedTo()).isEqualTo(admin);
	}

	@Test
	void assignWhenUserActsOnSomeoneElseThenDenied() {
		TestTokens token = TestTokens.totp(this.inventory);
		UUID other = this.users.newUser();
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.assignments.assign(this.self, other, token.id()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("Authorization_RequestDenied"));
	}

	@Test
	void activateWhenCodeRightThenActivatedAndRenamed() {
		TestTokens token = assigned();
		this.activations.activate(this.self, this.user, token.id(), token.codeAt(this.clock.instant()), "Amy's token");
		HardwareOathToken device = this.inventory.get(token.id());
		assertThat(device.status()).isEqualTo(TokenStatus.ACTIVATED);
		assertThat(device.displayName()).isEqualTo("Amy's token");
		assertThat(this.events.stream(HardwareOathMethodActivated.class))
			.containsExactly(new HardwareOathMethodActivated(this.user, token.id(), this.self, false));
	}

	@Test
	void activateWhenCodeWrongThenFailedActivationAndRetryActivates() {
		TestTokens token = assigned();
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.activations.activate(this.self, this.user, token.id(),
					token.wrongCodeAt(this.clock.instant(), 1), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalidVerificationCode"));
		assertThat(this.inventory.get(token.id()).status()).isEqualTo(TokenStatus.FAILED_ACTIVATION);
		assertThat(this.events.stream(ActivationFailed.class)).extracting(ActivationFailed::reason)
			.containsExactly(Reason.WRONG);
		this.activations.activate(this.self, this.user, token.id(), token.codeAt(this.clock.instant()), null);
		assertThat(this.inventory.get(token.id()).status()).isEqualTo(TokenStatus.ACTIVATED);
	}

	@Test
	void activateWhenCodeMalformedThenInvalidVerificationCodeWithoutEcho() {
		TestTokens token = assigned();
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.activations.activate(this.self, this.user, token.id(), "12ab56", null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalidVerificationCode"))
			.withMessageNotContaining("12ab56");
	}

	@Test
	void activateWhenMethodBelongsToSomeoneElseThenTokenNotAssignedToUser() {
		TestTokens token = TestTokens.totp(this.inventory);
		this.assignments.assign(this.helpdesk, this.users.newUser(), token.id());
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.activations.activate(this.self, this.user, token.id(), "123456", null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("tokenNotAssignedToUser"));
	}

	@Test
	void deactivateWhenActivatedThenAssignedAndNoLongerSignsIn() {
		TestTokens token = activated();
		this.assignments.deactivate(this.helpdesk, this.user, token.id());
		assertThat(this.inventory.get(token.id()).status()).isEqualTo(TokenStatus.ASSIGNED);
		assertThat(this.methods.requiresCode(this.user)).isFalse();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.verification.verify(UserReference.id(this.user), token.codeAt(this.clock.instant()), signIn())
			.accepted()).isFalse();
		assertThat(this.events.stream(HardwareOathMethodDeactivated.class)).hasSize(1);
	}

	@Test
	void renameWhenHeldThenNewNameWithOneEvent() {
		TestTokens token = assigned();
		this.assignments.rename(this.self, this.user, token.id(), "Desk token");
		assertThat(this.methods.get(this.user, token.id()).device().displayName()).isEqualTo("Desk token");
		assertThat(this.events.stream(MethodEvents.HardwareOathMethodRenamed.class))
			.containsExactly(new MethodEvents.HardwareOathMethodRenamed(this.user, token.id(), this.self));
	}

	@Test
	void unassignWhenAssignedThenAvailableAgainAndListEmpty() {
		TestTokens token = activated();
		this.assignments.unassign(this.self, this.user, token.id());
		HardwareOathToken device = this.inventory.get(token.id());
		assertThat(device.status()).isEqualTo(TokenStatus.AVAILABLE);
		assertThat(device.assignedTo()).isNull();
		assertThat(this.methods.list(this.user)).isEmpty();
		assertThat(this.events.stream(HardwareOathMethodUnassigned.class)).hasSize(1);
	}

	@Test
	void assignAndActivateBySerialNumberWhenCodeRightThenUserHoldsActivatedToken() {
		TestTokens token = TestTokens.totp(this.inventory);
		this.activations.assignAndActivateBySerialNumber(this.self, this.user,
				" " + token.serialNumber().toLowerCase() + " ", token.codeAt(this.clock.instant()), "Mine");
		HardwareOathToken device = this.inventory.get(token.id());
		assertThat(device.assignedTo()).isEqualTo(this.user);
		assertThat(device.status()).isEqualTo(TokenStatus.ACTIVATED);
		assertThat(this.events.stream(HardwareOathMethodActivated.class))
			.containsExactly(new HardwareOathMethodActivated(this.user, token.id(), this.self, true));
		assertThat(this.events.stream(HardwareOathMethodAssigned.class)).isEmpty();
	}

	@Test
	void assignAndActivateBySerialNumberWhenCodeWrongThenNothingAssigned() {
		TestTokens token = TestTokens.totp(this.inventory);
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.activations.assignAndActivateBySerialNumber(this.self, this.user,
					token.serialNumber(), token.wrongCodeAt(this.clock.instant(), 3), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalidVerificationCode"));
		assertThat(this.inventory.get(token.id()).status()).isEqualTo(TokenStatus.AVAILABLE);
		assertThat(this.methods.list(this.user)).isEmpty();
	}

	@Test
	void assignAndActivateBySerialNumberWhenUnknownOrHeldBySomeoneElseThenUserCannotTellApart() {
		TestTokens token = TestTokens.totp(this.inventory);
		UUID other = this.users.newUser();
		this.activations.assignAndActivateBySerialNumber(Actor.self(other, null), other, token.serialNumber(),
				token.codeAt(this.clock.instant()), null);
		this.clock.advance(Duration.ofSeconds(30));
		String code = token.codeAt(this.clock.instant());
		MethodException held = catchMethodException(() -> this.activations.assignAndActivateBySerialNumber(this.self,
				this.user, token.serialNumber(), code, null));
		MethodException unknown = catchMethodException(() -> this.activations.assignAndActivateBySerialNumber(this.self,
				this.user, "NO-SUCH-SERIAL", code, null));
		assertThat(held.code()).isEqualTo(unknown.code()).isEqualTo("serialNumberNotFound");
		assertThat(held.getMessage()).isEqualTo(unknown.getMessage());
		assertThat(held.kind()).isEqualTo(unknown.kind());
		MethodException adminView = catchMethodException(() -> this.activations
			.assignAndActivateBySerialNumber(this.helpdesk, this.user, token.serialNumber(), code, null));
		assertThat(adminView.code()).isEqualTo("tokenAlreadyAssigned");
		assertThat(adminView.getMessage()).doesNotContain(other.toString());
	}

	@Test
	void assignAndActivateWhenLimitReachedThenMethodLimitReached() {
		for (int i = 0; i < 5; i++) {
			this.assignments.assign(this.self, this.user, TestTokens.totp(this.inventory).id());
		}
		TestTokens sixth = TestTokens.totp(this.inventory);
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.activations.assignAndActivate(this.self, this.user, sixth.id(),
					sixth.codeAt(this.clock.instant()), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("methodLimitReached"));
	}

	@Test
	void assignAndActivateWhenPolicyDoesNotTargetUserThenPolicyDisabledForUser() {
		TestTokens token = TestTokens.totp(this.inventory);
		this.users.enabled.remove(this.user);
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.activations.assignAndActivate(this.helpdesk, this.user, token.id(),
					token.codeAt(this.clock.instant()), null))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("policyDisabledForUser"));
	}

	private TestTokens assigned() {
		TestTokens token = TestTokens.totp(this.inventory);
		this.assignments.assign(this.helpdesk, this.user, token.id());
		return token;
	}

	private TestTokens activated() {
		TestTokens token = assigned();
		this.activations.activate(this.self, this.user, token.id(), token.codeAt(this.clock.instant()), null);
		return token;
	}

	private static VerificationContext signIn() {
		return new VerificationContext(VerificationContext.Channel.SIGN_IN, "keyfob-cli", "127.0.0.1");
	}

	private static MethodException catchMethodException(Runnable action) {
		try {
			action.run();
		}
		catch (MethodException ex) {
			return ex;
		}
		throw new AssertionError("Expected a MethodException");
	}

}
