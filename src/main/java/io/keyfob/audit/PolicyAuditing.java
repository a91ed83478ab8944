package io.keyfob.audit;

import java.util.stream.Collectors;

import io.keyfob.policy.HardwareOathPolicy;
import io.keyfob.policy.HardwareOathPolicyChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs changes of the hardware OATH method policy, with the policy before and after.
 * <p>
 * A synchronous {@link EventListener} in the policy's transaction, for the reasons given
 * on {@link TokenAuditing}.
 */
@Component
class PolicyAuditing {

	private final AuditRecorder recorder;

	PolicyAuditing(AuditRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void on(HardwareOathPolicyChanged event) {
		this.recorder
			.record(AuditRecord.change("Policy", "Update authentication methods policy", "Update", AuditRecord.METHODS)
				.target(HardwareOathPolicy.ID, AuditTarget.POLICY, "Hardware OATH tokens")
				.detail("previous", describe(event.previous()))
				.detail("current", describe(event.current()))
				.build());
	}

	private static String describe(HardwareOathPolicy policy) {
		return "state=" + policy.state() + "; include="
				+ policy.includeTargets()
					.stream()
					.map(HardwareOathPolicy.IncludeTarget::id)
					.collect(Collectors.joining(",", "[", "]"))
				+ "; exclude="
				+ policy.excludeTargets()
					.stream()
					.map((target) -> target.groupId().toString())
					.collect(Collectors.joining(",", "[", "]"));
	}

}
