package io.keyfob.graphapi.directory;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.keyfob.directory.Directory;
import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.directory.Group;
import io.keyfob.directory.Page;
import io.keyfob.directory.User;
import io.keyfob.graphapi.PlainCount;
import io.keyfob.graphapi.QueryOptions;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.keyfob.shared.filter.Filter;
import io.keyfob.shared.filter.FilterParser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Graph's groups and their members: {@code /beta/groups},
 * {@code /beta/groups/{id}/members} and the {@code $ref} endpoints that add and remove
 * members.
 */
@RestController
@RequestMapping("/beta/groups")
class GroupsController {

	/**
	 * The object id at the end of an {@code @odata.id}: {@code .../users/{id}} or
	 * {@code .../directoryObjects/{id}}, any host.
	 */
	private static final Pattern MEMBER_REFERENCE = Pattern
		.compile("(?i).*/(?:users|directoryObjects)/([0-9a-f-]{36})/?");

	private final Directory directory;

	private final DirectoryAdministration administration;

	GroupsController(Directory directory, DirectoryAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	@GetMapping
	@PreAuthorize("hasAnyAuthority('Group.Read.All', 'Group.ReadWrite.All')")
	@QueryOptions({ "filter", "top", "skiptoken", "count" })
	OData.Collection<GroupResource> list(@RequestParam(name = "$filter", required = false) @Nullable String filter,
			@RequestParam(name = "$top", required = false) @Nullable Integer top,
			@RequestParam(name = "$skiptoken", required = false) @Nullable String skipToken,
			@RequestParam(name = "$count", defaultValue = "false") boolean count) {
		Filter parsed = filter(filter);
		Page<Group> page = this.directory.groups(parsed, skipToken, OData.top(top));
		OData.Collection<GroupResource> groups = OData.collection("groups",
				page.items().stream().map(GroupResource::item).toList(), page.next());
		return count ? groups.withCount(this.directory.countGroups(parsed)) : groups;
	}

	@GetMapping("/$count")
	@PreAuthorize("hasAnyAuthority('Group.Read.All', 'Group.ReadWrite.All')")
	@QueryOptions({ "filter" })
	ResponseEntity<String> count(@RequestParam(name = "$filter", required = false) @Nullable String filter,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept)
			throws HttpMediaTypeNotAcceptableException {
		return PlainCount.of(this.directory.countGroups(filter(filter)), accept);
	}

	private static @Nullable Filter filter(@Nullable String filter) {
		return (filter != null) ? FilterParser.parse(filter, Group.FILTER_SCHEMA) : null;
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyAuthority('Group.Read.All', 'Group.ReadWrite.All')")
	GroupResource get(@PathVariable UUID id) {
		return GroupResource.entity(this.directory.findGroup(id).orElseThrow(() -> notFound(id)));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('Group.ReadWrite.All')")
	ResponseEntity<GroupResource> create(@RequestBody NewGroupRequest request) {
		if (request.displayName() == null) {
			throw OData.badRequest("Property 'displayName' is required.");
		}
		Group group = this.administration.createGroup(request.displayName(), request.description());
		return ResponseEntity.created(OData.location("groups/" + group.id())).body(GroupResource.entity(group));
	}

	@GetMapping("/{id}/members")
	@PreAuthorize("hasAnyAuthority('Group.Read.All', 'Group.ReadWrite.All')")
	@QueryOptions({ "top", "skiptoken" })
	OData.Collection<UserResource> members(@PathVariable UUID id,
			@RequestParam(name = "$top", required = false) @Nullable Integer top,
			@RequestParam(name = "$skiptoken", required = false) @Nullable String skipToken) {
		Page<User> page = this.directory.members(id, skipToken, OData.top(top));
		return OData.collection("directoryObjects", page.items().stream().map(UserResource::member).toList(),
				page.next());
	}

	@PostMapping("/{id}/members/$ref")
	@PreAuthorize("hasAuthority('Group.ReadWrite.All')")
	ResponseEntity<Void> addMember(@PathVariable UUID id, @RequestBody Reference reference) {
		this.administration.addMember(id, reference.objectId());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}/members/{memberId}/$ref")
	@PreAuthorize("hasAuthority('Group.ReadWrite.All')")
	ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable UUID memberId) {
		this.administration.removeMember(id, memberId);
		return ResponseEntity.noContent().build();
	}

	private static KeyfobException notFound(UUID id) {
		return new KeyfobException(ErrorKind.NOT_FOUND, "Request_ResourceNotFound", "Resource '" + id
				+ "' does not exist or one of its queried reference-property objects are not present.");
	}

	/**
	 * The body of {@code POST /groups}; Graph's {@code mailEnabled}, {@code mailNickname}
	 * and {@code securityEnabled} are accepted and ignored.
	 *
	 * @param displayName required
	 * @param description optional
	 */
	record NewGroupRequest(@Nullable String displayName, @Nullable String description) {
	}

	/**
	 * An OData entity reference.
	 *
	 * @param odataId for example {@code https://graph.microsoft.com/beta/users/{id}}
	 */
	record Reference(@JsonProperty("@odata.id") @Nullable String odataId) {

		UUID objectId() {
			Matcher matcher = (this.odataId != null) ? MEMBER_REFERENCE.matcher(this.odataId) : null;
			if (matcher == null || !matcher.matches()) {
				throw OData.badRequest("Give the member as {\"@odata.id\": \"https://host/beta/users/{id}\"} "
						+ "or .../directoryObjects/{id}.");
			}
			return UUID.fromString(matcher.group(1));
		}

	}

}
