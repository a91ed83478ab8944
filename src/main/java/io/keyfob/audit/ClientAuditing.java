package io.keyfob.audit;

import java.util.Set;
import java.util.TreeSet;

import io.keyfob.signin.ClientEvents.ClientDeleted;
import io.keyfob.signin.ClientEvents.ClientPermissionsChanged;
import io.keyfob.signin.ClientEvents.ClientRegistered;
import io.keyfob.signin.ClientEvents.ClientSecretReplaced;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs changes of app registrations; never their secrets.
 * <p>
 * Synchronous {@link EventListener}s in the registration's transaction, for the reasons
 * given on {@link TokenAuditing}.
 */
@Component
class ClientAuditing {

	private final AuditRecorder recorder;

	ClientAuditing(AuditRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void on(ClientRegistered event) {
		this.recorder.record(
				app("Add application", "Add", event.clientId()).detail("permissions", permissions(event.permissions()))
					.build());
	}

	@EventListener
	void on(ClientPermissionsChanged event) {
		this.recorder.record(app("Update application permissions", "Update", event.clientId())
			.detail("permissions", permissions(event.permissions()))
			.build());
	}

	@EventListener
	void on(ClientSecretReplaced event) {
		this.recorder.record(
				app("Update application - Certificates and secrets management", "Update", event.clientId()).build());
	}

	@EventListener
	void on(ClientDeleted event) {
		this.recorder.record(app("Delete application", "Delete", event.clientId()).build());
	}

	private static AuditRecord.Builder app(String activity, String operationType, String clientId) {
		return AuditRecord.change("ApplicationManagement", activity, operationType, AuditRecord.DIRECTORY)
			.target(clientId, AuditTarget.APPLICATION, clientId);
	}

	private static String permissions(Set<String> permissions) {
		return String.join(" ", new TreeSet<>(permissions));
	}

}
