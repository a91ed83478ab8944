package io.keyfob.authmethod;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.keyfob.audit.AuditEntry;
import io.keyfob.audit.AuditKind;
import io.keyfob.audit.AuditLog;
import io.keyfob.audit.AuditQuery;
import io.keyfob.audit.AuditResult;
import io.keyfob.audit.AuditTarget;
import io.keyfob.authmethod.VerificationContext.Channel;
import io.keyfob.support.MutableClock;
import io.keyfob.token.TokenInventory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each action on a user's method and each code attempt writes exactly one audit entry,
 * with its target, result and reason, and never the code.
 */
@SpringBootTest
@Import(MethodTestConfiguration.class)
class MethodAuditIntegrationTests {

	static final VerificationContext API = new VerificationContext(Channel.VERIFY_API, "vpn-gateway", "192.0.2.7");

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
	AuditLog auditLog;

	UUID user;

	Actor helpdesk;

	@BeforeEach
	void setUp() {
		this.clock.set(MethodTestConfiguration.START);
		this.user = this.users.newUser();
		this.helpdesk = Actor.administrator(this.users.newUser(), null, false);
	}

	@Test
	void assignAndActivateWhenWrongThenRightCodeThenOneEntryEach() {
		TestTokens token = TestTokens.totp(this.inventory);
		this.assignments.assign(this.helpdesk, this.user, token.id());
		String wrong = token.wrongCodeAt(now(), 1);
		assertThatExceptionOfType(MethodException.class)
			.isThrownBy(() -> this.activations.activate(this.helpdesk, this.user, token.id(), wrong, null));
		this.clock.advance(Duration.ofSeconds(31));
		String right = token.codeAt(now());
		this.activations.activate(this.helpdesk, this.user, token.id(), right, null);

		List<AuditEntry> changes = changes(token.id());
		assertThat(changes).extracting(AuditEntry::activity)
			.containsExactly("Activate hardware OATH token", "Activate hardware OATH token",
					"Assign hardware OATH token", "Add hardware OATH token");
		assertThat(changes).extracting(AuditEntry::result)
			.containsExactly(AuditResult.SUCCESS, AuditResult.FAILURE, AuditResult.SUCCESS, AuditResult.SUCCESS);
		assertThat(changes.get(1).resultReason()).isEqualTo("The code is wrong");
		assertThat(changes.get(2).targets()).containsExactly(
				new AuditTarget(this.user.toString(), AuditTarget.USER, null),
				new AuditTarget(token.id().toString(), AuditTarget.DEVICE, null));
		assertThat(changes.toString()).doesNotContain(wrong).doesNotContain(right);
	}

	@Test
	void verifyWhenAcceptedRejectedReplayedAndLockedThenOneSignInEntryPerAttempt() {
		TestTokens token = activated();
		this.clock.advance(Duration.ofSeconds(30));
		String code = token.codeAt(now());
		assertThat(verify(this.user, code, API)).isInstanceOf(CodeOutcome.Accepted.class);
		assertThat(verify(this.user, code, API)).isInstanceOf(CodeOutcome.Rejected.class);
		CodeOutcome last = null;
		for (int i = 1; i <= 10; i++) {
			this.clock.advance(Duration.ofSeconds(31));
			last = verify(this.user, token.wrongCodeAt(now(), i), API);
		}
		assertThat(last).isInstanceOf(CodeOutcome.Locked.class);
		assertThat(verify(this.user, token.codeAt(now()), API)).isInstanceOf(CodeOutcome.Locked.class);
		this.assignments.unlock(this.helpdesk, this.user, token.id());

		List<AuditEntry> signIns = this.auditLog
			.page(AuditQuery.of(AuditKind.SIGN_IN).userId(this.user).limit(999).build())
			.entries();
		assertThat(signIns).hasSize(1 + 1 + 10 + 1);
		AuditEntry accepted = signIns.get(signIns.size() - 1);
		assertThat(accepted.result()).isEqualTo(AuditResult.SUCCESS);
		assertThat(accepted.activity()).isEqualTo("Verify hardware OATH code");
		assertThat(accepted.appId()).isEqualTo("vpn-gateway");
		assertThat(accepted.ipAddress()).isEqualTo("192.0.2.7");
		assertThat(accepted.authenticationMethod()).isEqualTo("Hardware OATH token");
		assertThat(accepted.targets()).extracting(AuditTarget::id).containsExactly(token.id().toString());
		assertThat(signIns.get(signIns.size() - 2).resultReason()).isEqualTo("The code was already used");
		assertThat(signIns.stream().filter((e) -> e.errorCode() == 500121)).hasSize(1 + 9);
		assertThat(signIns.get(1).errorCode()).as("the tenth wrong code locks").isEqualTo(50053);
		assertThat(signIns.get(1).resultReason()).startsWith("Locked after 10 wrong codes");
		assertThat(signIns.get(0).errorCode()).as("an attempt while locked").isEqualTo(50053);
		assertThat(changes(token.id())).extracting(AuditEntry::activity)
			.startsWith("Unlock hardware OATH token", "Activate hardware OATH token");
		assertThat(signIns.toString()).doesNotContain(code);
	}

	@Test
	void verifyWhenUnknownUserThenOneFailedEntryWithoutUser() {
		Instant before = now();
		this.verification.verify(UserReference.principalName("nobody@keyfob.test"), "123456", API);
		List<AuditEntry> signIns = this.auditLog
			.page(AuditQuery.of(AuditKind.SIGN_IN).from(before).appId("vpn-gateway").limit(999).build())
			.entries()
			.stream()
			.filter((entry) -> entry.userId() == null)
			.toList();
		assertThat(signIns).hasSize(1);
		assertThat(signIns.get(0).errorCode()).isEqualTo(50072);
		assertThat(signIns.get(0).toString()).doesNotContain("123456");
	}

	private List<AuditEntry> changes(UUID tokenId) {
		return this.auditLog
			.page(AuditQuery.of(AuditKind.DIRECTORY_AUDIT).targetId(tokenId.toString()).limit(999).build())
			.entries();
	}

	private TestTokens activated() {
		TestTokens token = TestTokens.totp(this.inventory);
		this.assignments.assign(this.helpdesk, this.user, token.id());
		this.activations.activate(this.helpdesk, this.user, token.id(), token.codeAt(now()), null);
		return token;
	}

	private Instant now() {
		return this.clock.instant();
	}

	private CodeOutcome verify(UUID user, String code, VerificationContext context) {
		return this.verification.verify(UserReference.id(user), code, context);
	}

}
