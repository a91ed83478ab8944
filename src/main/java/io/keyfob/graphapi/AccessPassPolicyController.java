package io.keyfob.graphapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.keyfob.accesspass.TemporaryAccessPassPolicy;
import io.keyfob.accesspass.TemporaryAccessPasses;
import io.keyfob.policy.AuthenticationMethodState;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Temporary Access Pass policy as Graph serves it:
 * {@code /beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/temporaryAccessPass}.
 * {@code PATCH} changes the properties it names and answers 204. Keyfob's extension
 * {@code usableForVerify} lets the verify API and RADIUS accept a pass (off by default).
 * {@link #representation(TemporaryAccessPassPolicy)} is the configuration as the policy
 * root lists it.
 */
@RestController
@RequestMapping(AccessPassPolicyController.PATH)
class AccessPassPolicyController {

	static final String PATH = "/beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/temporaryAccessPass";

	static final String ODATA_TYPE = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration";

	private final TemporaryAccessPasses passes;

	AccessPassPolicyController(TemporaryAccessPasses passes) {
		this.passes = passes;
	}

	@GetMapping
	@PreAuthorize("hasAnyAuthority('Policy.Read.AuthenticationMethod', 'Policy.Read.All', "
			+ "'Policy.ReadWrite.AuthenticationMethod')")
	Map<String, @Nullable Object> get() {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.context", ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/beta/$metadata#policies/authenticationMethodsPolicy/authenticationMethodConfigurations/$entity")
			.toUriString());
		body.putAll(representation(this.passes.policy()));
		return body;
	}

	@PatchMapping
	@PreAuthorize("hasAuthority('Policy.ReadWrite.AuthenticationMethod')")
	ResponseEntity<Void> update(@RequestBody JsonNode body) {
		if (!body.isObject()) {
			throw GraphRequestException.invalidBody(
					"Send the properties to change as a JSON object, " + "for example {\"state\": \"enabled\"}.");
		}
		TemporaryAccessPassPolicy now = this.passes.policy();
		this.passes.updatePolicy(new TemporaryAccessPassPolicy(state(body.get("state"), now.state()),
				targets(body.get("includeTargets"), "includeTargets", now.includeTargets()),
				targets(body.get("excludeTargets"), "excludeTargets", now.excludeTargets()),
				number(body, "defaultLifetimeInMinutes", now.defaultLifetimeInMinutes()),
				number(body, "minimumLifetimeInMinutes", now.minimumLifetimeInMinutes()),
				number(body, "maximumLifetimeInMinutes", now.maximumLifetimeInMinutes()),
				number(body, "defaultLength", now.defaultLength()), flag(body, "isUsableOnce", now.isUsableOnce()),
				flag(body, "usableForVerify", now.usableForVerify())));
		return ResponseEntity.noContent().build();
	}

	/**
	 * The configuration as Graph shows it, without {@code @odata.context}: for this
	 * endpoint and for the policy root's {@code authenticationMethodConfigurations}.
	 * @param policy the policy
	 * @return the properties, in Graph's order
	 */
	static Map<String, @Nullable Object> representation(TemporaryAccessPassPolicy policy) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.type", ODATA_TYPE);
		body.put("id", TemporaryAccessPassPolicy.ID);
		body.put("state", policy.state().graphName());
		body.put("defaultLifetimeInMinutes", policy.defaultLifetimeInMinutes());
		body.put("defaultLength", policy.defaultLength());
		body.put("minimumLifetimeInMinutes", policy.minimumLifetimeInMinutes());
		body.put("maximumLifetimeInMinutes", policy.maximumLifetimeInMinutes());
		body.put("isUsableOnce", policy.isUsableOnce());
		body.put("usableForVerify", policy.usableForVerify());
		body.put("includeTargets",
				policy.includeTargets()
					.stream()
					.map((id) -> Map.of("targetType", "group", "id", id, "isRegistrationRequired", false))
					.toList());
		body.put("excludeTargets",
				policy.excludeTargets().stream().map((id) -> Map.of("targetType", "group", "id", id)).toList());
		return body;
	}

	private static AuthenticationMethodState state(@Nullable JsonNode value, AuthenticationMethodState current) {
		if (value == null || value.isNull()) {
			return current;
		}
		return AuthenticationMethodState.fromGraphName(value.asString())
			.orElseThrow(() -> GraphRequestException.invalidProperty("state", "use enabled or disabled"));
	}

	private static List<String> targets(@Nullable JsonNode value, String property, List<String> current) {
		if (value == null || value.isNull()) {
			return current;
		}
		if (!value.isArray()) {
			throw GraphRequestException.invalidProperty(property,
					"must be a list such as [{\"targetType\": \"group\", \"id\": \"all_users\"}]");
		}
		List<String> ids = new ArrayList<>();
		for (JsonNode target : value) {
			JsonNode id = target.get("id");
			if (id == null || !id.isString() || id.asString().isBlank()) {
				throw GraphRequestException.invalidProperty(property, "each target needs an id: a group id"
						+ (property.equals("includeTargets") ? " or all_users" : ""));
			}
			if (!ids.contains(id.asString().strip())) {
				ids.add(id.asString().strip());
			}
		}
		return ids;
	}

	private static int number(JsonNode body, String property, int current) {
		JsonNode value = body.get(property);
		if (value == null || value.isNull()) {
			return current;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw GraphRequestException.invalidProperty(property, "must be a whole number");
		}
		return value.intValue();
	}

	private static boolean flag(JsonNode body, String property, boolean current) {
		JsonNode value = body.get(property);
		if (value == null || value.isNull()) {
			return current;
		}
		if (!value.isBoolean()) {
			throw GraphRequestException.invalidProperty(property, "must be true or false");
		}
		return value.booleanValue();
	}

}
