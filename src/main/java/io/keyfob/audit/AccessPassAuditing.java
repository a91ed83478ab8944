package io.keyfob.audit;

import io.keyfob.accesspass.AccessPassEvents.TemporaryAccessPassCreated;
import io.keyfob.accesspass.AccessPassEvents.TemporaryAccessPassDeleted;
import io.keyfob.accesspass.AccessPassEvents.TemporaryAccessPassPolicyChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs Temporary Access Passes created and deleted, and changes of their policy; never
 * the pass. Passes presented are in the sign-in log, by {@link SignInAuditing}.
 * Synchronous, in the changing transaction, for the reasons given on
 * {@link TokenAuditing}.
 */
@Component
class AccessPassAuditing {

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

}
