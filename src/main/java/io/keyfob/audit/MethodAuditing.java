package io.keyfob.audit;

import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.ActivationFailed;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodActivated;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodAssigned;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodDeactivated;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodRenamed;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodUnassigned;
import io.keyfob.authmethod.MethodEvents.MethodUnlocked;
import io.keyfob.authmethod.MethodEvents.ResyncFailed;
import io.keyfob.authmethod.MethodEvents.TokenResynchronised;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs changes of users' hardware OATH methods: assignments, activations (and failed
 * ones), deactivations, renames, unlocks and resynchronisations. Code attempts at sign-in
 * and through the verify API are in {@link SignInAuditing}.
 * <p>
 * Synchronous {@link EventListener}s in the method module's transaction, for the reasons
 * given on {@link TokenAuditing}. A failed activation commits too (the module counts it),
 * so its entry does.
 */
@Component
class MethodAuditing {

	private static final String CATEGORY = "UserManagement";

	private final AuditRecorder recorder;

	MethodAuditing(AuditRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void on(HardwareOathMethodAssigned event) {
		record(method("Assign hardware OATH token", "Assign", event.userId(), event.tokenId()));
	}

	@EventListener
	void on(HardwareOathMethodUnassigned event) {
		record(method("Unassign hardware OATH token", "Unassign", event.userId(), event.tokenId()));
	}

	@EventListener
	void on(HardwareOathMethodActivated event) {
		record(method("Activate hardware OATH token", "Update", event.userId(), event.tokenId())
			.detail("assignedInTheSameStep", event.claimed()));
	}

	@EventListener
	void on(ActivationFailed event) {
		record(method("Activate hardware OATH token", "Update", event.userId(), event.tokenId())
			.failure(SignInAuditing.describe(event.reason()), 0));
	}

	@EventListener
	void on(HardwareOathMethodDeactivated event) {
		record(method("Deactivate hardware OATH token", "Update", event.userId(), event.tokenId()));
	}

	@EventListener
	void on(HardwareOathMethodRenamed event) {
		record(method("Rename hardware OATH token", "Update", event.userId(), event.tokenId()));
	}

	@EventListener
	void on(MethodUnlocked event) {
		record(method("Unlock hardware OATH token", "Update", event.userId(), event.tokenId()));
	}

	@EventListener
	void on(TokenResynchronised event) {
		record(method("Resynchronise hardware OATH token", "Update", event.userId(), event.tokenId())
			.detail("driftSteps", event.driftSteps()));
	}

	@EventListener
	void on(ResyncFailed event) {
		record(method("Resynchronise hardware OATH token", "Update", event.userId(), event.tokenId())
			.failure(SignInAuditing.describe(event.reason()), 0));
	}

	/**
	 * A change entry about one user's token.
	 */
	static AuditRecord.Builder method(String activity, String operationType, UUID userId, UUID tokenId) {
		return AuditRecord.change(CATEGORY, activity, operationType, AuditRecord.METHODS)
			.target(userId, AuditTarget.USER, null)
			.target(tokenId, AuditTarget.DEVICE, null);
	}

	private void record(AuditRecord.Builder builder) {
		this.recorder.record(builder.build());
	}

}
