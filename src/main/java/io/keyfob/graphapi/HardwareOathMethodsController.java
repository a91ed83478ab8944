package io.keyfob.graphapi;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.HardwareOathActivations;
import io.keyfob.authmethod.HardwareOathAssignments;
import io.keyfob.authmethod.HardwareOathMethod;
import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.graphapi.MethodRequests.Activate;
import io.keyfob.graphapi.MethodRequests.Assign;
import io.keyfob.graphapi.MethodRequests.AssignAndActivate;
import io.keyfob.graphapi.MethodRequests.AssignAndActivateBySerialNumber;
import io.keyfob.graphapi.MethodRequests.Reference;
import io.keyfob.graphapi.MethodRequests.Resync;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A user's hardware OATH methods (docs/api.md): {@code /beta/users/{id |
 * userPrincipalName}/authentication/hardwareOathMethods} for administrators and
 * applications, {@code /beta/me/authentication/hardwareOathMethods} for the signed-in
 * user, and the {@code authentication/methods} list. Keyfob extensions: {@code resync}
 * (two consecutive codes) and {@code unlock}.
 */
@RestController
@RequestMapping("/beta")
class HardwareOathMethodsController {

	static final String READ_SELF = "hasAnyAuthority('UserAuthenticationMethod.Read', 'UserAuthenticationMethod.ReadWrite', "
			+ "'UserAuthenticationMethod.Read.All', 'UserAuthenticationMethod.ReadWrite.All')";

	static final String WRITE_SELF = "hasAnyAuthority('UserAuthenticationMethod.ReadWrite', "
			+ "'UserAuthenticationMethod.ReadWrite.All')";

	static final String READ_OTHERS = "hasAnyAuthority('UserAuthenticationMethod.Read.All', "
			+ "'UserAuthenticationMethod.ReadWrite.All')";

	static final String WRITE_OTHERS = "hasAuthority('UserAuthenticationMethod.ReadWrite.All')";

	private static final String USER_METHODS = "/users/{user}/authentication/hardwareOathMethods";

	private static final String MY_METHODS = "/me/authentication/hardwareOathMethods";

	/** Graph's fixed id of the password method. */
	static final String PASSWORD_METHOD_ID = "28c10230-6103-485e-b985-444c60001490";

	private final HardwareOathMethods methods;

	private final HardwareOathAssignments assignments;

	private final HardwareOathActivations activations;

	private final Directory directory;

	private final TokenInventory inventory;

	HardwareOathMethodsController(HardwareOathMethods methods, HardwareOathAssignments assignments,
			HardwareOathActivations activations, Directory directory, TokenInventory inventory) {
		this.methods = methods;
		this.assignments = assignments;
		this.activations = activations;
		this.directory = directory;
		this.inventory = inventory;
	}

	@GetMapping(USER_METHODS)
	@PreAuthorize(READ_OTHERS)
	@QueryOptions({ "filter", "top", "select", "count", "expand" })
	Map<String, Object> list(@PathVariable String user, @RequestParam Map<String, String> parameters,
			GraphCaller caller) {
		User target = reader(user, caller);
		return collection(target, "hardwareOathMethods", MethodQueryOptions.from(parameters), false);
	}

	@GetMapping(MY_METHODS)
	@PreAuthorize(READ_SELF)
	@QueryOptions({ "filter", "top", "select", "count", "expand" })
	Map<String, Object> listMine(@RequestParam Map<String, String> parameters, GraphCaller caller) {
		User me = me(caller);
		return collection(me, "hardwareOathMethods", MethodQueryOptions.from(parameters), false);
	}

	@GetMapping(USER_METHODS + "/$count")
	@PreAuthorize(READ_OTHERS)
	@QueryOptions({ "filter" })
	ResponseEntity<String> count(@PathVariable String user, @RequestParam Map<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept, GraphCaller caller)
			throws HttpMediaTypeNotAcceptableException {
		User target = reader(user, caller);
		return PlainCount.of(matching(target, MethodQueryOptions.from(parameters), false).size(), accept);
	}

	@GetMapping(MY_METHODS + "/$count")
	@PreAuthorize(READ_SELF)
	@QueryOptions({ "filter" })
	ResponseEntity<String> countMine(@RequestParam Map<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept, GraphCaller caller)
			throws HttpMediaTypeNotAcceptableException {
		User me = me(caller);
		return PlainCount.of(matching(me, MethodQueryOptions.from(parameters), false).size(), accept);
	}

	@GetMapping(USER_METHODS + "/{method}")
	@PreAuthorize(READ_OTHERS)
	Map<String, @Nullable Object> get(@PathVariable String user, @PathVariable String method, GraphCaller caller) {
		User target = reader(user, caller);
		return entity(target, this.methods.get(target.id(), methodId(method)));
	}

	@GetMapping(MY_METHODS + "/{method}")
	@PreAuthorize(READ_SELF)
	Map<String, @Nullable Object> getMine(@PathVariable String method, GraphCaller caller) {
		User me = me(caller);
		return entity(me, this.methods.get(me.id(), methodId(method)));
	}

	@GetMapping(USER_METHODS + "/{method}/device")
	@PreAuthorize(READ_OTHERS)
	Map<String, @Nullable Object> device(@PathVariable String user, @PathVariable String method, GraphCaller caller) {
		User target = reader(user, caller);
		return device(target, this.methods.get(target.id(), methodId(method)));
	}

	@GetMapping(MY_METHODS + "/{method}/device")
	@PreAuthorize(READ_SELF)
	Map<String, @Nullable Object> myDevice(@PathVariable String method, GraphCaller caller) {
		User me = me(caller);
		return device(me, this.methods.get(me.id(), methodId(method)));
	}

	@PostMapping(USER_METHODS)
	@PreAuthorize(WRITE_OTHERS)
	ResponseEntity<Map<String, @Nullable Object>> assign(@PathVariable String user, @RequestBody Assign request,
			GraphCaller caller) {
		User target = user(user);
		return created(target, this.assignments.assign(actor(caller, target), target.id(), request.deviceId()));
	}

	@PostMapping(MY_METHODS)
	@PreAuthorize(WRITE_SELF)
	ResponseEntity<Map<String, @Nullable Object>> assignMine(@RequestBody Assign request, GraphCaller caller) {
		User me = me(caller);
		return created(me, this.assignments.assign(self(caller), me.id(), request.deviceId()));
	}

	@PutMapping(USER_METHODS + "/{method}/device/assignTo/$ref")
	@PreAuthorize(WRITE_OTHERS)
	ResponseEntity<Void> assignByReference(@PathVariable String user, @PathVariable String method,
			@RequestBody Reference request, GraphCaller caller) {
		User target = user(user);
		User referenced = user(request.userKey());
		if (!referenced.id().equals(target.id())) {
			throw new KeyfobException(ErrorKind.INVALID, "invalidRequest",
					"@odata.id must name the same user as the path: " + target.id() + ".");
		}
		this.assignments.assign(actor(caller, target), target.id(), methodId(method));
		return ResponseEntity.noContent().build();
	}

	@PutMapping(MY_METHODS + "/{method}/device/assignTo/$ref")
	@PreAuthorize(WRITE_SELF)
	ResponseEntity<Void> assignMineByReference(@PathVariable String method, @RequestBody Reference request,
			GraphCaller caller) {
		User me = me(caller);
		if (!user(request.userKey()).id().equals(me.id())) {
			throw new KeyfobException(ErrorKind.INVALID, "invalidRequest",
					"@odata.id must name you: a token can be assigned to yourself here.");
		}
		this.assignments.assign(self(caller), me.id(), methodId(method));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping(USER_METHODS + "/{method}")
	@PreAuthorize(WRITE_OTHERS)
	ResponseEntity<Void> unassign(@PathVariable String user, @PathVariable String method, GraphCaller caller) {
		User target = user(user);
		this.assignments.unassign(actor(caller, target), target.id(), methodId(method));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping(MY_METHODS + "/{method}")
	@PreAuthorize(WRITE_SELF)
	ResponseEntity<Void> unassignMine(@PathVariable String method, GraphCaller caller) {
		this.assignments.unassign(self(caller), me(caller).id(), methodId(method));
		return ResponseEntity.noContent().build();
	}

	@PostMapping(USER_METHODS + "/{method}/activate")
	@PreAuthorize(WRITE_OTHERS)
	ResponseEntity<Void> activate(@PathVariable String user, @PathVariable String method, @RequestBody Activate request,
			GraphCaller caller) {
		User target = user(user);
		this.activations.activate(actor(caller, target), target.id(), methodId(method), request.code(),
				request.displayName());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(MY_METHODS + "/{method}/activate")
	@PreAuthorize(WRITE_SELF)
	ResponseEntity<Void> activateMine(@PathVariable String method, @RequestBody Activate request, GraphCaller caller) {
		this.activations.activate(self(caller), me(caller).id(), methodId(method), request.code(),
				request.displayName());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(USER_METHODS + "/{method}/deactivate")
	@PreAuthorize(WRITE_OTHERS)
	ResponseEntity<Void> deactivate(@PathVariable String user, @PathVariable String method, GraphCaller caller) {
		User target = user(user);
		this.assignments.deactivate(actor(caller, target), target.id(), methodId(method));
		return ResponseEntity.noContent().build();
	}

	@PostMapping(MY_METHODS + "/{method}/deactivate")
	@PreAuthorize(WRITE_SELF)
	ResponseEntity<Void> deactivateMine(@PathVariable String method, GraphCaller caller) {
		this.assignments.deactivate(self(caller), me(caller).id(), methodId(method));
		return ResponseEntity.noContent().build();
	}

	@PostMapping(USER_METHODS + "/assignAndActivate")
	@PreAuthorize(WRITE_OTHERS)
	ResponseEntity<Void> assignAndActivate(@PathVariable String user, @RequestBody AssignAndActivate request,
			GraphCaller caller) {
		User target = user(user);
		this.activations.assignAndActivate(actor(caller, target), target.id(), request.deviceId(), request.code(),
				request.displayName());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(MY_METHODS + "/assignAndActivate")
	@PreAuthorize(WRITE_SELF)
	ResponseEntity<Void> assignAndActivateMine(@RequestBody AssignAndActivate request, GraphCaller caller) {
		this.activations.assignAndActivate(self(caller), me(caller).id(), request.deviceId(), request.code(),
				request.displayName());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(USER_METHODS + "/assignAndActivateBySerialNumber")
	@PreAuthorize(WRITE_OTHERS)
	ResponseEntity<Void> assignAndActivateBySerialNumber(@PathVariable String user,
			@RequestBody AssignAndActivateBySerialNumber request, GraphCaller caller) {
		User target = user(user);
		this.activations.assignAndActivateBySerialNumber(actor(caller, target), target.id(), request.serial(),
				request.code(), request.displayName());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(MY_METHODS + "/assignAndActivateBySerialNumber")
	@PreAuthorize(WRITE_SELF)
	ResponseEntity<Void> assignAndActivateMineBySerialNumber(@RequestBody AssignAndActivateBySerialNumber request,
			GraphCaller caller) {
		this.activations.assignAndActivateBySerialNumber(self(caller), me(caller).id(), request.serial(),
				request.code(), request.displayName());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(USER_METHODS + "/{method}/resync")
	@PreAuthorize(WRITE_OTHERS)
	ResponseEntity<Void> resync(@PathVariable String user, @PathVariable String method, @RequestBody Resync request,
			GraphCaller caller) {
		User target = user(user);
		this.activations.resync(actor(caller, target), target.id(), methodId(method), request.first(), request.next());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(MY_METHODS + "/{method}/resync")
	@PreAuthorize(WRITE_SELF)
	ResponseEntity<Void> resyncMine(@PathVariable String method, @RequestBody Resync request, GraphCaller caller) {
		this.activations.resync(self(caller), me(caller).id(), methodId(method), request.first(), request.next());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(USER_METHODS + "/{method}/unlock")
	@PreAuthorize(WRITE_OTHERS)
	ResponseEntity<Void> unlock(@PathVariable String user, @PathVariable String method, GraphCaller caller) {
		User target = user(user);
		Actor actor = actor(caller, target);
		this.assignments.unlock(actor, target.id(), methodId(method));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/users/{user}/authentication/methods")
	@PreAuthorize(READ_OTHERS)
	@QueryOptions({ "filter", "top", "select", "count", "expand" })
	Map<String, Object> allMethods(@PathVariable String user, @RequestParam Map<String, String> parameters,
			GraphCaller caller) {
		User target = reader(user, caller);
		return collection(target, "methods", MethodQueryOptions.from(parameters), true);
	}

	@GetMapping("/me/authentication/methods")
	@PreAuthorize(READ_SELF)
	@QueryOptions({ "filter", "top", "select", "count", "expand" })
	Map<String, Object> allMyMethods(@RequestParam Map<String, String> parameters, GraphCaller caller) {
		User me = me(caller);
		return collection(me, "methods", MethodQueryOptions.from(parameters), true);
	}

	@GetMapping("/users/{user}/authentication/methods/$count")
	@PreAuthorize(READ_OTHERS)
	@QueryOptions({ "filter" })
	ResponseEntity<String> countAll(@PathVariable String user, @RequestParam Map<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept, GraphCaller caller)
			throws HttpMediaTypeNotAcceptableException {
		User target = reader(user, caller);
		return PlainCount.of(matching(target, MethodQueryOptions.from(parameters), true).size(), accept);
	}

	@GetMapping("/me/authentication/methods/$count")
	@PreAuthorize(READ_SELF)
	@QueryOptions({ "filter" })
	ResponseEntity<String> countAllMine(@RequestParam Map<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept, GraphCaller caller)
			throws HttpMediaTypeNotAcceptableException {
		User me = me(caller);
		return PlainCount.of(matching(me, MethodQueryOptions.from(parameters), true).size(), accept);
	}

	// the user's methods that match the filter, the password first where it belongs
	private List<Map<String, @Nullable Object>> matching(User user, MethodQueryOptions options, boolean withPassword) {
		List<Map<String, @Nullable Object>> all = new ArrayList<>();
		if (withPassword && options.matchesOther(UUID.fromString(PASSWORD_METHOD_ID))) {
			Map<String, @Nullable Object> password = new LinkedHashMap<>();
			password.put("@odata.type", "#microsoft.graph.passwordAuthenticationMethod");
			password.put("id", PASSWORD_METHOD_ID);
			password.put("password", null);
			password.put("createdDateTime", user.createdDateTime().toString());
			all.add(password);
		}
		List<HardwareOathMethod> methods = this.methods.list(user.id());
		if (options.filter() != null && !methods.isEmpty()) {
			Set<UUID> matched = this.inventory
				.list(new TokenQuery(options.tokenFilter(user.id()), false, TokenQuery.MAX_LIMIT, null, false))
				.tokens()
				.stream()
				.map(HardwareOathToken::id)
				.collect(Collectors.toSet());
			methods = methods.stream().filter((method) -> matched.contains(method.id())).toList();
		}
		methods.forEach((method) -> all.add(representation(user, method)));
		return all;
	}

	private static Map<String, @Nullable Object> representation(User user, HardwareOathMethod method) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.type", "#microsoft.graph.hardwareOathAuthenticationMethod");
		body.put("id", method.id().toString());
		body.put("createdDateTime", (method.createdDateTime() != null) ? method.createdDateTime().toString() : null);
		body.put("lastUsedDateTime",
				(method.device().lastUsedDateTime() != null) ? method.device().lastUsedDateTime().toString() : null);
		body.put("device", DeviceRepresentation.of(method.device(), Map.of(user.id(), user.displayName()), Set.of(),
				method.lock().lockedUntil()));
		return body;
	}

	// the method's device, as the inventory serves it
	private static Map<String, @Nullable Object> device(User user, HardwareOathMethod method) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.context",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/beta/$metadata").build().toUriString()
						+ "#directory/authenticationMethodDevices/hardwareOathDevices/$entity");
		body.putAll(DeviceRepresentation.of(method.device(), Map.of(user.id(), user.displayName()), Set.of(),
				method.lock().lockedUntil()));
		return body;
	}

	private static Map<String, @Nullable Object> entity(User user, HardwareOathMethod method) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.context", context(user, "hardwareOathMethods/$entity"));
		body.putAll(representation(user, method));
		return body;
	}

	private Map<String, Object> collection(User user, String segment, MethodQueryOptions options,
			boolean withPassword) {
		List<Map<String, @Nullable Object>> items = matching(user, options, withPassword);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("@odata.context", context(user, segment));
		if (options.count()) {
			body.put("@odata.count", items.size());
		}
		body.put("value", items.stream().limit(options.top()).map(options::selected).toList());
		return body;
	}

	private static ResponseEntity<Map<String, @Nullable Object>> created(User user, HardwareOathMethod method) {
		URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/beta/users/{user}/authentication/hardwareOathMethods/{id}")
			.build(user.id(), method.id());
		return ResponseEntity.created(location).body(entity(user, method));
	}

	private static String context(User user, String segment) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/beta/$metadata").build().toUriString()
				+ "#users('" + user.id() + "')/authentication/" + segment;
	}

	private User reader(String key, GraphCaller caller) {
		User target = user(key);
		caller.requireMayReadUser(target.id());
		return target;
	}

	private User user(String key) {
		return this.directory.findUser(key)
			.orElseThrow(() -> new KeyfobException(ErrorKind.NOT_FOUND, "Request_ResourceNotFound",
					"No user has the id or user principal name '" + key + "'."));
	}

	private User me(GraphCaller caller) {
		return user(caller.requireUserId().toString());
	}

	private static Actor self(GraphCaller caller) {
		return Actor.self(caller.requireUserId(), caller.clientId());
	}

	private static Actor actor(GraphCaller caller, User target) {
		return Actors.of(caller, target.id());
	}

	private static UUID methodId(String id) {
		try {
			if (id.length() == 36) {
				return UUID.fromString(id);
			}
		}
		catch (IllegalArgumentException ex) {
			// answered below
		}
		throw new KeyfobException(ErrorKind.NOT_FOUND, "tokenNotAssignedToUser",
				"No hardware OATH method has id '" + id + "'. List the user's methods to find its id.");
	}

}
