package io.keyfob.audit;

import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.BlockEvents.HardwareOathTokenBlocked;
import io.keyfob.authmethod.BlockEvents.HardwareOathTokenUnblocked;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs blocked and unblocked tokens: one entry each, naming the token and, for a block
 * that took it from someone, its former holder. Synchronous, in the blocking transaction,
 * for the reasons given on {@link TokenAuditing}.
 */
@Component
class BlockAuditing {

	private final AuditRecorder recorder;

	BlockAuditing(AuditRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void on(HardwareOathTokenBlocked event) {
		// a holder reporting their own token lost reads differently from an admin's block
		String activity = (event.actor().kind() == Actor.Kind.SELF) ? "User reported hardware OATH token lost"
				: "Block hardware OATH token";
		AuditRecord.Builder entry = TokenAuditing.device(activity, "Update", event.tokenId(), event.serialNumber())
			.detail("blockReason", event.reason().graphName())
			.detail("methodRemoved", event.formerHolder() != null);
		if (event.formerHolder() != null) {
			entry.target(event.formerHolder(), AuditTarget.USER, null);
		}
		this.recorder.record(entry.build());
	}

	@EventListener
	void on(HardwareOathTokenUnblocked event) {
		this.recorder
			.record(TokenAuditing.device("Unblock hardware OATH token", "Update", event.tokenId(), event.serialNumber())
				.detail("blockReason", event.reason().graphName())
				.build());
	}

}
