package io.keyfob.audit;

import java.time.Instant;
import java.util.UUID;

import io.keyfob.token.TokenEvents.TokenCreated;
import io.keyfob.token.TokenEvents.TokenDeleted;
import io.keyfob.token.TokenEvents.TokenDriftReset;
import io.keyfob.token.TokenEvents.TokenUpdated;
import io.keyfob.token.TokenEvents.TokenValidityChanged;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs changes of the token inventory.
 * <p>
 * Synchronous {@link EventListener}s, in the inventory's transaction, not
 * {@code @ApplicationModuleListener}s: the entry must commit together with the change (an
 * inventory change without its entry, or an entry for a change that rolled back, is
 * exactly what an audit log must not allow), and the actor and source address must be
 * read on the request's thread. The price is one unlocked insert per change; the chaining
 * happens after the commit (see {@link AuditChain}).
 */
@Component
class TokenAuditing {

	private static final String CATEGORY = "Device";

	private final AuditRecorder recorder;

	TokenAuditing(AuditRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void on(TokenCreated event) {
		record("Add hardware OATH token", "Add", event.tokenId(), event.serialNumber());
	}

	@EventListener
	void on(TokenUpdated event) {
		record("Update hardware OATH token", "Update", event.tokenId(), event.serialNumber());
	}

	@EventListener
	void on(TokenDeleted event) {
		record("Delete hardware OATH token", "Delete", event.tokenId(), event.serialNumber());
	}

	@EventListener
	void on(TokenDriftReset event) {
		this.recorder.record(device("Reset hardware OATH token drift", "Update", event.tokenId(), event.serialNumber())
			.detail("previousDriftSteps", event.previousDriftSteps())
			.build());
	}

	@EventListener
	void on(TokenValidityChanged event) {
		this.recorder
			.record(device("Update hardware OATH token validity", "Update", event.tokenId(), event.serialNumber())
				.detail("previousValidFrom", text(event.previous().validFrom()))
				.detail("previousValidUntil", text(event.previous().validUntil()))
				.detail("validFrom", text(event.current().validFrom()))
				.detail("validUntil", text(event.current().validUntil()))
				.build());
	}

	// an open end is logged as an empty value, as Entra logs a cleared property
	private static String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	private void record(String activity, String operationType, UUID tokenId, String serialNumber) {
		this.recorder.record(device(activity, operationType, tokenId, serialNumber).build());
	}

	static AuditRecord.Builder device(String activity, String operationType, UUID tokenId, String serialNumber) {
		return AuditRecord.change(CATEGORY, activity, operationType, AuditRecord.DEVICES)
			.target(tokenId, AuditTarget.DEVICE, serialNumber)
			.detail("serialNumber", serialNumber);
	}

}
