package io.keyfob.graphapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.policy.HardwareOathPolicy;
import io.keyfob.policy.HardwareOathPolicy.ExcludeTarget;
import io.keyfob.policy.HardwareOathPolicy.IncludeTarget;
import io.keyfob.policy.HardwareOathPolicyChange;
import io.keyfob.policy.AuthenticationMethodState;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The hardware OATH method policy as Graph beta serves it:
 * {@code /beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/hardwareOath}
 * (docs/api.md). A change applies to the next request; there is no propagation delay.
 */
@RestController
@RequestMapping(HardwareOathPolicyController.PATH)
class HardwareOathPolicyController implements AuthenticationMethodConfiguration {

	static final String READ = "hasAnyAuthority('Policy.Read.AuthenticationMethod', 'Policy.Read.All', "
			+ "'Policy.ReadWrite.AuthenticationMethod')";

	/** A new install's policy: disabled, for all users once enabled, nobody excluded. */
	private static final HardwareOathPolicyChange DEFAULT = new HardwareOathPolicyChange(
			AuthenticationMethodState.DISABLED, List.of(new IncludeTarget(HardwareOathPolicy.ALL_USERS, false)),
			List.of());

	static final String PATH = "/beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/hardwareOath";

	static final String ODATA_TYPE = "#microsoft.graph.hardwareOathAuthenticationMethodConfiguration";

	private final AuthenticationMethodsPolicy policy;

	HardwareOathPolicyController(AuthenticationMethodsPolicy policy) {
		this.policy = policy;
	}

	@GetMapping
	@PreAuthorize(READ)
	Map<String, @Nullable Object> get() {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.context",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/beta/$metadata").toUriString()
						+ "#policies/authenticationMethodsPolicy/authenticationMethodConfigurations/$entity");
		body.putAll(representation());
		return body;
	}

	@Override
	public Map<String, @Nullable Object> representation() {
		HardwareOathPolicy current = this.policy.hardwareOath();
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.type", ODATA_TYPE);
		body.put("id", HardwareOathPolicy.ID);
		body.put("state", current.state().graphName());
		body.put("includeTargets",
				current.includeTargets().stream().map(HardwareOathPolicyController::include).toList());
		body.put("excludeTargets",
				current.excludeTargets().stream().map(HardwareOathPolicyController::exclude).toList());
		return body;
	}

	/**
	 * Graph's DELETE of a configuration: back to a new install's policy.
	 */
	@DeleteMapping
	@PreAuthorize("hasAuthority('Policy.ReadWrite.AuthenticationMethod')")
	ResponseEntity<Void> reset() {
		this.policy.updateHardwareOath(DEFAULT);
		return ResponseEntity.noContent().build();
	}

	@PatchMapping
	@PreAuthorize("hasAuthority('Policy.ReadWrite.AuthenticationMethod')")
	ResponseEntity<Void> update(@RequestBody JsonNode body) {
		this.policy.updateHardwareOath(change(body));
		return ResponseEntity.noContent().build();
	}

	static HardwareOathPolicyChange change(JsonNode body) {
		if (!body.isObject()) {
			throw GraphRequestException
				.invalidBody("Send the policy as a JSON object, for example " + "{\"state\": \"enabled\"}.");
		}
		JsonNode type = body.get("@odata.type");
		if (type != null && !(type.isString() && ODATA_TYPE.equalsIgnoreCase(type.stringValue()))) {
			throw GraphRequestException.invalidProperty("@odata.type",
					"must be " + ODATA_TYPE + " for this configuration, or left out");
		}
		return new HardwareOathPolicyChange(state(body.get("state")), includeTargets(body.get("includeTargets")),
				excludeTargets(body.get("excludeTargets")));
	}

	private static @Nullable AuthenticationMethodState state(@Nullable JsonNode state) {
		if (state == null) {
			return null;
		}
		String text = state.isString() ? state.stringValue() : state.toString();
		return AuthenticationMethodState.fromGraphName(text)
			.orElseThrow(() -> GraphRequestException.invalidProperty("state",
					"'" + text + "' is not allowed: use enabled or disabled"));
	}

	private static @Nullable List<IncludeTarget> includeTargets(@Nullable JsonNode targets) {
		if (targets == null) {
			return null;
		}
		List<IncludeTarget> include = new ArrayList<>();
		for (JsonNode target : targetList("includeTargets", targets)) {
			String id = targetId("includeTargets", target);
			if (!id.equalsIgnoreCase(HardwareOathPolicy.ALL_USERS)) {
				groupId("includeTargets", id);
			}
			JsonNode required = target.get("isRegistrationRequired");
			if (required != null && !required.isNull() && !required.isBoolean()) {
				throw GraphRequestException.invalidProperty("includeTargets",
						"isRegistrationRequired must be true " + "or false");
			}
			include.add(new IncludeTarget(
					id.equalsIgnoreCase(HardwareOathPolicy.ALL_USERS) ? HardwareOathPolicy.ALL_USERS
							: groupId("includeTargets", id).toString(),
					required != null && required.isBoolean() && required.booleanValue()));
		}
		return include;
	}

	private static @Nullable List<ExcludeTarget> excludeTargets(@Nullable JsonNode targets) {
		if (targets == null) {
			return null;
		}
		List<ExcludeTarget> exclude = new ArrayList<>();
		for (JsonNode target : targetList("excludeTargets", targets)) {
			String id = targetId("excludeTargets", target);
			if (id.equalsIgnoreCase(HardwareOathPolicy.ALL_USERS)) {
				throw GraphRequestException.invalidProperty("excludeTargets",
						"all_users cannot be excluded; to turn the method off for everyone, set state to disabled");
			}
			exclude.add(new ExcludeTarget(groupId("excludeTargets", id)));
		}
		return exclude;
	}

	private static List<JsonNode> targetList(String property, JsonNode targets) {
		if (!targets.isArray()) {
			throw GraphRequestException.invalidProperty(property,
					"must be a list of targets such as [{\"targetType\": \"group\", \"id\": \"<group id>\"}]");
		}
		for (JsonNode target : targets.values()) {
			if (!target.isObject()) {
				throw GraphRequestException.invalidProperty(property, "each target must be an object with an id");
			}
			JsonNode type = target.get("targetType");
			if (type != null && !type.isNull() && !(type.isString() && "group".equals(type.stringValue()))) {
				throw GraphRequestException.invalidProperty(property,
						"targetType must be group; targeting single users is not supported, put them in a group");
			}
		}
		return List.copyOf(targets.values());
	}

	private static String targetId(String property, JsonNode target) {
		JsonNode id = target.get("id");
		if (id == null || !id.isString() || id.stringValue().isBlank()) {
			throw GraphRequestException.invalidProperty(property,
					"each target needs an id: a group id, or all_users in includeTargets");
		}
		return id.stringValue().strip();
	}

	private static UUID groupId(String property, String id) {
		try {
			if (id.length() == 36) {
				return UUID.fromString(id);
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw GraphRequestException.invalidProperty(property,
				"'" + id + "' is not a group id; give a group's id (a GUID), or all_users in includeTargets");
	}

	private static Map<String, Object> include(IncludeTarget target) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("targetType", "group");
		json.put("id", target.id());
		json.put("isRegistrationRequired", target.registrationRequired());
		return json;
	}

	private static Map<String, Object> exclude(ExcludeTarget target) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("targetType", "group");
		json.put("id", target.groupId().toString());
		return json;
	}

}
