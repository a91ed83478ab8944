package io.keyfob.graphapi;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.keyfob.accesspass.TemporaryAccessPassMethod;
import io.keyfob.accesspass.TemporaryAccessPasses;
import io.keyfob.accesspass.TemporaryAccessPasses.IssuedPass;
import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A user's Temporary Access Pass as Graph serves it:
 * {@code /beta/users/{id}/authentication/temporaryAccessPassMethods} ({@code POST}
 * answers 201 with the pass, the only time it is shown; {@code GET} list and single;
 * {@code DELETE}) and {@code GET /beta/me/authentication/temporaryAccessPassMethods}.
 * Creating follows Entra: {@code UserAuthenticationMethod.ReadWrite.All}, and a delegated
 * Authentication Administrator only for users without an admin role; nobody creates a
 * pass for themself.
 */
@RestController
@RequestMapping("/beta")
class AccessPassMethodsController {

	private static final String USER_PASSES = "/users/{user}/authentication/temporaryAccessPassMethods";

	private static final String ODATA_TYPE = "#microsoft.graph.temporaryAccessPassAuthenticationMethod";

	private final TemporaryAccessPasses passes;

	private final Directory directory;

	AccessPassMethodsController(TemporaryAccessPasses passes, Directory directory) {
		this.passes = passes;
		this.directory = directory;
	}

	@PostMapping(USER_PASSES)
	@PreAuthorize(HardwareOathMethodsController.WRITE_OTHERS)
	ResponseEntity<Map<String, @Nullable Object>> create(@PathVariable String user,
			@RequestBody(required = false) @Nullable JsonNode body, GraphCaller caller) {
		User target = user(user);
		caller.requireMayManageUser(target.id());
		if (caller.isSelf(target.id())) {
			throw new KeyfobException(ErrorKind.FORBIDDEN, "Authorization_RequestDenied",
					"Nobody can create a Temporary Access Pass for themself. Ask another administrator.");
		}
		JsonNode request = (body != null && body.isObject()) ? body : JsonNodeFactory.instance.objectNode();
		IssuedPass issued = this.passes.create(target.id(), startDateTime(request), lifetime(request),
				request.has("isUsableOnce") && !request.get("isUsableOnce").isNull() ? usableOnce(request) : null);
		Map<String, @Nullable Object> entity = entity(target, issued.method());
		entity.put("temporaryAccessPass", issued.temporaryAccessPass());
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/beta/users/{user}/authentication/temporaryAccessPassMethods/{id}")
			.build(target.id(), issued.method().id());
		return ResponseEntity.created(location).body(entity);
	}

	@GetMapping(USER_PASSES)
	@PreAuthorize(HardwareOathMethodsController.READ_OTHERS)
	Map<String, Object> list(@PathVariable String user, GraphCaller caller) {
		User target = user(user);
		caller.requireMayReadUser(target.id());
		return collection(target);
	}

	@GetMapping("/me/authentication/temporaryAccessPassMethods")
	@PreAuthorize(HardwareOathMethodsController.READ_SELF)
	Map<String, Object> listMine(GraphCaller caller) {
		return collection(user(caller.requireUserId().toString()));
	}

	@GetMapping(USER_PASSES + "/{method}")
	@PreAuthorize(HardwareOathMethodsController.READ_OTHERS)
	Map<String, @Nullable Object> get(@PathVariable String user, @PathVariable String method, GraphCaller caller) {
		User target = user(user);
		caller.requireMayReadUser(target.id());
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.context", context(target) + "/$entity");
		body.putAll(entity(target, this.passes.get(target.id(), method)));
		return body;
	}

	@DeleteMapping(USER_PASSES + "/{method}")
	@PreAuthorize(HardwareOathMethodsController.WRITE_OTHERS)
	ResponseEntity<Void> delete(@PathVariable String user, @PathVariable String method, GraphCaller caller) {
		User target = user(user);
		caller.requireMayManageUser(target.id());
		this.passes.delete(target.id(), method);
		return ResponseEntity.noContent().build();
	}

	private Map<String, Object> collection(User user) {
		List<Map<String, @Nullable Object>> items = this.passes.list(user.id())
			.stream()
			.map((m) -> entity(user, m))
			.toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("@odata.context", context(user));
		body.put("value", items);
		return body;
	}

	private static Map<String, @Nullable Object> entity(User user, TemporaryAccessPassMethod method) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.type", ODATA_TYPE);
		body.put("id", method.id().toString());
		body.put("temporaryAccessPass", null);
		body.put("createdDateTime", method.createdDateTime().toString());
		body.put("startDateTime", method.startDateTime().toString());
		body.put("lifetimeInMinutes", method.lifetimeInMinutes());
		body.put("isUsableOnce", method.isUsableOnce());
		body.put("isUsable", method.isUsable());
		body.put("methodUsabilityReason", method.methodUsabilityReason().graphName());
		return body;
	}

	private static String context(User user) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/beta/$metadata#users('" + user.id() + "')/authentication/temporaryAccessPassMethods")
			.toUriString();
	}

	private User user(String key) {
		return this.directory.findUser(key)
			.orElseThrow(() -> new KeyfobException(ErrorKind.NOT_FOUND, "Request_ResourceNotFound",
					"No user has the id or user principal name '" + key + "'."));
	}

	private static @Nullable Instant startDateTime(JsonNode body) {
		JsonNode value = body.get("startDateTime");
		if (value == null || value.isNull()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.asString().strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw GraphRequestException.invalidProperty("startDateTime", "'" + value.asString()
					+ "' is not a date and time: use ISO 8601, for example 2026-12-05T09:00:00Z");
		}
	}

	private static @Nullable Integer lifetime(JsonNode body) {
		JsonNode value = body.get("lifetimeInMinutes");
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw GraphRequestException.invalidProperty("lifetimeInMinutes", "must be a whole number of minutes");
		}
		return value.intValue();
	}

	private static boolean usableOnce(JsonNode body) {
		JsonNode value = body.get("isUsableOnce");
		if (!value.isBoolean()) {
			throw GraphRequestException.invalidProperty("isUsableOnce", "must be true or false");
		}
		return value.booleanValue();
	}

}
