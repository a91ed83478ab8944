package io.keyfob.graphapi;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.authmethod.HardwareOathAssignments;
import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.authmethod.MethodLock;
import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenChanges;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenPage;
import io.keyfob.token.TokenQuery;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The token inventory as Graph beta serves it:
 * {@code /beta/directory/authenticationMethodDevices/hardwareOathDevices} (docs/api.md).
 * Reading needs {@code Policy.Read.All} or {@code Policy.ReadWrite.AuthenticationMethod};
 * writing needs the latter, and creating with {@code assignTo} also
 * {@code UserAuthenticationMethod.ReadWrite.All}.
 */
@RestController
@RequestMapping(HardwareOathDevicesController.PATH)
class HardwareOathDevicesController {

	static final String PATH = "/beta/directory/authenticationMethodDevices/hardwareOathDevices";

	static final String READ = "hasAnyAuthority('Policy.Read.All', 'Policy.ReadWrite.AuthenticationMethod')";

	static final String WRITE_PERMISSION = "Policy.ReadWrite.AuthenticationMethod";

	static final String WRITE = "hasAuthority('" + WRITE_PERMISSION + "')";

	static final String ASSIGN_PERMISSION = "UserAuthenticationMethod.ReadWrite.All";

	private final TokenInventory inventory;

	private final DeviceUpload upload;

	private final HardwareOathAssignments assignments;

	private final DeviceEntities entities;

	private final Directory directory;

	HardwareOathDevicesController(TokenInventory inventory, DeviceUpload upload, HardwareOathAssignments assignments,
			DeviceEntities entities, Directory directory) {
		this.directory = directory;
		this.inventory = inventory;
		this.upload = upload;
		this.assignments = assignments;
		this.entities = entities;
	}

	@GetMapping
	@PreAuthorize(READ)
	@QueryOptions({ "filter", "select", "top", "count", "orderby", "skiptoken", "expand" })
	Map<String, @Nullable Object> list(@RequestParam Map<String, String> parameters) {
		DeviceQueryOptions options = DeviceQueryOptions.from(parameters);
		boolean expand = expandAssignTo(parameters);
		TokenPage page = this.inventory.list(options.query());
		DeviceEntities.Holders holders = this.entities.holders(page.tokens());
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.context", DeviceEntities.context(options.select(), false));
		if (page.count() != null) {
			body.put("@odata.count", page.count());
		}
		body.put("value",
				page.tokens()
					.stream()
					.map((token) -> expanded(holders.represent(token, options.select()), token, expand))
					.toList());
		if (page.nextCursor() != null) {
			body.put("@odata.nextLink",
					ServletUriComponentsBuilder.fromCurrentRequest()
						.replaceQueryParam("$skiptoken",
								DeviceQueryOptions.skipToken(page.nextCursor(), options.query().descending()))
						.build()
						.toUriString());
		}
		return body;
	}

	/**
	 * The number of tokens that match the filter, as plain text.
	 */
	// no "produces": an Accept it cannot answer must be a 406 here, not a device id.
	// A client that asks for JSON (as most Graph scripts send by habit) still gets the
	// plain-text number, as from Graph.
	@GetMapping("/$count")
	@PreAuthorize(READ)
	@QueryOptions({ "filter" })
	ResponseEntity<String> count(@RequestParam Map<String, String> parameters,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept)
			throws HttpMediaTypeNotAcceptableException {
		DeviceQueryOptions options = DeviceQueryOptions.from(parameters);
		TokenQuery query = options.query();
		Long count = this.inventory.list(new TokenQuery(query.filter(), false, 1, null, true)).count();
		return PlainCount.of((count != null) ? count : 0, accept);
	}

	/**
	 * The user who holds a token (Graph's {@code assignTo} navigation), or 404 when
	 * nobody does.
	 */
	@GetMapping("/{id}/assignTo")
	@PreAuthorize(READ)
	Map<String, @Nullable Object> assignTo(@PathVariable String id) {
		HardwareOathToken token = this.inventory.get(tokenId(id));
		User user = (token.assignedTo() != null) ? this.directory.findUser(token.assignedTo().toString()).orElse(null)
				: null;
		if (user == null) {
			throw new KeyfobException(ErrorKind.NOT_FOUND, "Request_ResourceNotFound",
					"The token '" + id + "' is not assigned to anyone: assign it with POST "
							+ "/users/{id}/authentication/hardwareOathMethods.");
		}
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.context",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/beta/$metadata").toUriString()
						+ "#users/$entity");
		body.putAll(userObject(user));
		return body;
	}

	@GetMapping("/{id}")
	@PreAuthorize(READ)
	@QueryOptions({ "select", "expand" })
	Map<String, @Nullable Object> get(@PathVariable String id, @RequestParam Map<String, String> parameters) {
		Set<String> select = DeviceQueryOptions.select(parameters.get("$select"));
		HardwareOathToken token = this.inventory.get(tokenId(id));
		return expanded(this.entities.entity(token, select), token, expandAssignTo(parameters));
	}

	private static boolean expandAssignTo(Map<String, String> parameters) {
		String expand = parameters.get("$expand");
		if (expand == null) {
			return false;
		}
		if (expand.strip().equalsIgnoreCase("assignTo")) {
			return true;
		}
		throw GraphRequestException
			.badQuery("$expand: a hardware OATH device can expand assignTo only, not '" + expand + "'");
	}

	// Graph's assignTo navigation inline: the holder as a user object, or null
	private Map<String, @Nullable Object> expanded(Map<String, @Nullable Object> device, HardwareOathToken token,
			boolean expand) {
		if (!expand) {
			return device;
		}
		Map<String, @Nullable Object> body = new LinkedHashMap<>(device);
		body.put("assignTo", (token.assignedTo() != null)
				? this.directory.findUser(token.assignedTo().toString()).map(this::userObject).orElse(null) : null);
		return body;
	}

	private Map<String, @Nullable Object> userObject(User user) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("id", user.id().toString());
		body.put("displayName", user.displayName());
		body.put("userPrincipalName", user.userPrincipalName());
		body.put("accountEnabled", user.accountEnabled());
		return body;
	}

	@PostMapping
	@PreAuthorize(WRITE)
	ResponseEntity<Map<String, @Nullable Object>> create(@RequestBody JsonNode body, Authentication caller,
			GraphCaller graphCaller) {
		if (DeviceUpload.isDelta(body)) {
			return ResponseEntity.ok(bulk(body, caller, graphCaller));
		}
		NewHardwareOathToken command = DeviceRequests.newDevice(body);
		UUID assignee = DeviceRequests.assignTo(body);
		HardwareOathToken token;
		if (assignee != null) {
			requireAssignPermission(caller);
			token = this.assignments.createAndAssign(Actors.of(graphCaller, assignee), assignee, command).device();
		}
		else {
			token = this.inventory.create(command);
		}
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(token.id());
		return ResponseEntity.created(location).body(this.entities.entity(token, Set.of()));
	}

	@PatchMapping
	@PreAuthorize(WRITE)
	Map<String, @Nullable Object> bulkUpload(@RequestBody JsonNode body, Authentication caller,
			GraphCaller graphCaller) {
		return bulk(body, caller, graphCaller);
	}

	@PatchMapping("/{id}")
	@PreAuthorize(WRITE)
	ResponseEntity<Void> update(@PathVariable String id, @RequestBody JsonNode body) {
		UUID tokenId = tokenId(id);
		TokenChanges changes = DeviceRequests.changes(body);
		if (DeviceRequests.setsValidity(body)) {
			// the window of use may change whoever holds the token; the rest only while
			// nobody does
			this.inventory.changeValidity(tokenId,
					DeviceRequests.validity(body, this.inventory.get(tokenId).validity()));
			if (changes.isEmpty()) {
				return ResponseEntity.noContent().build();
			}
		}
		this.inventory.update(tokenId, changes);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(WRITE)
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.inventory.delete(tokenId(id));
		return ResponseEntity.noContent().build();
	}

	private Map<String, @Nullable Object> bulk(JsonNode body, Authentication caller, GraphCaller graphCaller) {
		List<JsonNode> items = DeviceUpload.items(body);
		if (DeviceUpload.anyAssigns(items)) {
			requireAssignPermission(caller);
		}
		Map<String, @Nullable Object> response = new LinkedHashMap<>();
		response.put("@context", DeviceUpload.DELTA);
		response.put("value", this.upload.upload(items, (assignee) -> Actors.of(graphCaller, assignee)));
		return response;
	}

	private static void requireAssignPermission(Authentication caller) {
		boolean granted = caller.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(ASSIGN_PERMISSION::equals);
		if (!granted) {
			throw new KeyfobException(ErrorKind.FORBIDDEN, "Authorization_RequestDenied",
					"Assigning a device to a user while creating it also needs the permission " + ASSIGN_PERMISSION
							+ " (delegated: the Authentication Administrator or Privileged Authentication "
							+ "Administrator role). Create the device without assignTo, or ask for that permission.");
		}
	}

	static UUID tokenId(String id) {
		try {
			if (id.length() == 36) {
				return UUID.fromString(id);
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new KeyfobException(ErrorKind.NOT_FOUND, "tokenNotFound",
				"No hardware token has id '" + id + "'. List the inventory to find the token's id.");
	}

}
