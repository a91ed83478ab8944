package io.keyfob.audit;

import java.util.Map;

import io.keyfob.shared.secret.MasterKeyRotated;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs Keyfob's own operations: master key rotation. (The retention purge logs itself,
 * see {@link AuditRetention}.)
 * <p>
 * A synchronous {@link EventListener} in the rotation's final transaction, which retires
 * the old keys: the entry commits with that step.
 */
@Component
class KeyfobAuditing {

	private final AuditRecorder recorder;

	KeyfobAuditing(AuditRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void on(MasterKeyRotated event) {
		AuditRecord.Builder entry = AuditRecord
			.change("KeyManagement", "Rotate master key", "Update", AuditRecord.KEYFOB)
			.target(event.currentKeyId(), "MasterKey", "master key " + event.currentKeyId())
			.detail("retiredKeyIds", String.join(",", event.retiredKeyIds()));
		for (Map.Entry<String, Long> table : event.resealed().entrySet()) {
			entry.detail("resealed." + table.getKey(), table.getValue());
		}
		this.recorder.record(entry.build());
	}

}
