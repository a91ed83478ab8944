package io.keyfob.graphapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.keyfob.audit.AuditActor;
import io.keyfob.audit.AuditEntry;
import io.keyfob.audit.AuditResult;
import org.jspecify.annotations.Nullable;

/**
 * Audit entries in Graph's shapes: {@code directoryAudit} and {@code signIn}.
 */
final class AuditRepresentation {

	private AuditRepresentation() {
	}

	static Map<String, @Nullable Object> directoryAudit(AuditEntry entry) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("id", entry.id().toString());
		body.put("category", entry.category());
		body.put("correlationId", entry.correlationId());
		body.put("result", entry.result().graphName());
		body.put("resultReason", (entry.resultReason() != null) ? entry.resultReason() : "");
		body.put("activityDisplayName", entry.activity());
		body.put("activityDateTime", entry.activityDateTime().toString());
		body.put("loggedByService", entry.loggedByService());
		body.put("operationType", entry.operationType());
		body.put("initiatedBy", initiatedBy(entry));
		body.put("targetResources", entry.targets().stream().map((target) -> {
			Map<String, @Nullable Object> resource = new LinkedHashMap<>();
			resource.put("id", target.id());
			resource.put("displayName", target.displayName());
			resource.put("type", target.type());
			resource.put("modifiedProperties", List.of());
			return resource;
		}).toList());
		body.put("additionalDetails",
				entry.details()
					.stream()
					.map((detail) -> Map.of("key", detail.key(), "value", detail.value()))
					.toList());
		return body;
	}

	static Map<String, @Nullable Object> signIn(AuditEntry entry) {
		boolean succeeded = entry.result() == AuditResult.SUCCESS;
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("id", entry.id().toString());
		body.put("createdDateTime", entry.activityDateTime().toString());
		body.put("userDisplayName", null);
		body.put("userPrincipalName", entry.userPrincipalName());
		body.put("userId", (entry.userId() != null) ? entry.userId().toString() : null);
		body.put("appId", entry.appId());
		body.put("appDisplayName", entry.appId());
		body.put("ipAddress", entry.ipAddress());
		body.put("clientAppUsed", clientAppUsed(entry.activity()));
		body.put("correlationId", entry.correlationId());
		body.put("isInteractive", !entry.activity().startsWith("Verify"));
		Map<String, @Nullable Object> status = new LinkedHashMap<>();
		status.put("errorCode", entry.errorCode());
		status.put("failureReason", succeeded ? null : entry.resultReason());
		status.put("additionalDetails", entry.activity());
		body.put("status", status);
		Map<String, @Nullable Object> step = new LinkedHashMap<>();
		step.put("authenticationStepDateTime", entry.activityDateTime().toString());
		step.put("authenticationMethod", entry.authenticationMethod());
		step.put("authenticationMethodDetail", entry.targets().isEmpty() ? null : entry.targets().get(0).id());
		step.put("succeeded", succeeded);
		step.put("authenticationStepResultDetail", succeeded ? "MFA successfully completed" : entry.resultReason());
		body.put("authenticationDetails", List.of(step));
		body.put("resourceDisplayName", "Keyfob");
		return body;
	}

	private static String clientAppUsed(String activity) {
		if (activity.contains("RADIUS")) {
			return "RADIUS";
		}
		return activity.startsWith("Verify") ? "Verify API" : "Browser";
	}

	private static Map<String, @Nullable Object> initiatedBy(AuditEntry entry) {
		AuditActor actor = entry.initiatedBy();
		Map<String, @Nullable Object> initiatedBy = new LinkedHashMap<>();
		if (actor.type() == AuditActor.Type.USER) {
			Map<String, @Nullable Object> user = new LinkedHashMap<>();
			user.put("id", actor.id());
			user.put("displayName", null);
			user.put("userPrincipalName", actor.name());
			user.put("ipAddress", entry.ipAddress());
			initiatedBy.put("user", user);
			initiatedBy.put("app", null);
		}
		else {
			Map<String, @Nullable Object> app = new LinkedHashMap<>();
			app.put("appId", actor.id());
			app.put("displayName", actor.name());
			app.put("servicePrincipalId", null);
			app.put("servicePrincipalName", null);
			initiatedBy.put("user", null);
			initiatedBy.put("app", app);
		}
		return initiatedBy;
	}

}
