package io.keyfob.audit;

import io.keyfob.accesspass.AccessPassEvents.TemporaryAccessPassCreated;
import io.keyfob.accesspass.AccessPassEvents.TemporaryAccessPassDeleted;
import io.keyfob.accesspass.AccessPassEvents.TemporaryAccessPassPolicyChanged;
import io.keyfob.signin.PassSignInAttempted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs Temporary Access Passes created and deleted, changes of their policy, and sign-ins
 * with a pass (in the sign-in log); never the pass. Synchronous, in the changing
 * transaction, for the reasons given on {@link TokenAuditing}.
 */
@Component
class AccessPassAuditing {

	static final String PASS = "Temporary Access Pass";

	// Entra's "the Temporary Access Pass is not valid"
	static final int WRONG_PASS = 130502;

	private final AuditRecorder recorder;

	AccessPassAuditing(AuditRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void on(TemporaryAccessPassCreated event) {
		this.recorder.record(AuditRecord
			.change("UserManagement", "Admin registered temporary access pass method for user", "Add",
					AuditRecord.METHODS)
			.target(event.userId(), AuditTarget.USER, null)
			.detail("methodId", event.methodId().toString())
			.detail("isUsableOnce", event.isUsableOnce())
			.detail("lifetimeInMinutes", event.lifetimeInMinutes())
			.build());
	}

	@EventListener
	void on(TemporaryAccessPassDeleted event) {
		this.recorder.record(AuditRecord
			.change("UserManagement", "Admin deleted temporary access pass method for user", "Delete",
					AuditRecord.METHODS)
			.target(event.userId(), AuditTarget.USER, null)
			.detail("methodId", event.methodId().toString())
			.build());
	}

	@EventListener
	void on(TemporaryAccessPassPolicyChanged event) {
		this.recorder
			.record(AuditRecord.change("Policy", "Update temporary access pass policy", "Update", AuditRecord.METHODS)
				.detail("state", event.state())
				.build());
	}

	@EventListener
	void on(PassSignInAttempted event) {
		AuditRecord.Builder entry = AuditRecord.signIn("Sign in with Temporary Access Pass")
			.method(PASS)
			.user(event.userId(), event.userPrincipalName())
			.client(null, event.sourceAddress())
			.actor(AuditActor.user((event.userId() != null) ? event.userId().toString() : null,
					event.userPrincipalName()));
		if (!event.accepted()) {
			entry.failure(
					"locked".equals(event.failure()) ? "Too many wrong passes or codes: the pass was not checked"
							: "Wrong user name or pass, the pass is used up or expired, or the account may not sign in",
					"locked".equals(event.failure()) ? SignInAuditing.LOCKED : WRONG_PASS);
		}
		this.recorder.record(entry.build());
	}

}
