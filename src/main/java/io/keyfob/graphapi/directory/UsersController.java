package io.keyfob.graphapi.directory;

import io.keyfob.directory.Directory;
import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.directory.NewUser;
import io.keyfob.directory.Page;
import io.keyfob.directory.User;
import io.keyfob.directory.UserChanges;
import io.keyfob.directory.UserQuery;
import io.keyfob.graphapi.GraphCaller;
import io.keyfob.graphapi.PlainCount;
import io.keyfob.graphapi.QueryOptions;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.keyfob.shared.filter.FilterParser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Graph's users: {@code /beta/users}, {@code /beta/users/{id | userPrincipalName}} and
 * {@code /beta/me}.
 */
@RestController
@RequestMapping("/beta")
class UsersController {

	private final Directory directory;

	private final DirectoryAdministration administration;

	UsersController(Directory directory, DirectoryAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	@GetMapping("/users")
	@PreAuthorize("hasAnyAuthority('User.Read.All', 'User.ReadWrite.All')")
	@QueryOptions({ "filter", "top", "skiptoken", "count" })
	OData.Collection<UserResource> list(@RequestParam(name = "$filter", required = false) @Nullable String filter,
			@RequestParam(name = "$top", required = false) @Nullable Integer top,
			@RequestParam(name = "$skiptoken", required = false) @Nullable String skipToken,
			@RequestParam(name = "$count", defaultValue = "false") boolean count) {
		UserQuery query = UserQuery.filtered((filter != null) ? FilterParser.parse(filter, UserQuery.SCHEMA) : null,
				OData.top(top));
		Page<User> page = this.directory.users(query.after(skipToken));
		OData.Collection<UserResource> users = OData.collection("users",
				page.items().stream().map(UserResource::item).toList(), page.next());
		return count ? users.withCount(this.directory.countUsers(query)) : users;
	}

	@GetMapping("/users/$count")
	@PreAuthorize("hasAnyAuthority('User.Read.All', 'User.ReadWrite.All')")
	@QueryOptions({ "filter" })
	ResponseEntity<String> count(@RequestParam(name = "$filter", required = false) @Nullable String filter,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept)
			throws HttpMediaTypeNotAcceptableException {
		UserQuery query = UserQuery.filtered((filter != null) ? FilterParser.parse(filter, UserQuery.SCHEMA) : null, 1);
		return PlainCount.of(this.directory.countUsers(query), accept);
	}

	@GetMapping("/users/{id}")
	@PreAuthorize("hasAnyAuthority('User.Read.All', 'User.ReadWrite.All')")
	UserResource get(@PathVariable String id) {
		return UserResource.entity(find(id));
	}

	@GetMapping("/me")
	@PreAuthorize("hasAnyAuthority('User.Read', 'User.Read.All', 'User.ReadWrite.All')")
	UserResource me(GraphCaller caller) {
		return UserResource.entity(find(caller.requireUserId().toString()));
	}

	@PostMapping("/users")
	@PreAuthorize("hasAuthority('User.ReadWrite.All')")
	ResponseEntity<UserResource> create(@RequestBody NewUserRequest request) {
		User user = this.administration.createUser(request.toNewUser());
		return ResponseEntity.created(OData.location("users/" + user.id())).body(UserResource.entity(user));
	}

	@PatchMapping("/users/{id}")
	@PreAuthorize("hasAuthority('User.ReadWrite.All')")
	ResponseEntity<Void> update(@PathVariable String id, @RequestBody UserChangesRequest request) {
		this.administration.updateUser(find(id).id(), request.toChanges());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/users/{id}")
	@PreAuthorize("hasAuthority('User.ReadWrite.All')")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.administration.deleteUser(find(id).id());
		return ResponseEntity.noContent().build();
	}

	private User find(String idOrName) {
		return this.directory.findUser(idOrName)
			.orElseThrow(() -> new KeyfobException(ErrorKind.NOT_FOUND, "Request_ResourceNotFound", "Resource '"
					+ idOrName + "' does not exist or one of its queried reference-property objects are not present."));
	}

	/**
	 * Graph's {@code passwordProfile}.
	 *
	 * @param password the password
	 * @param forceChangePasswordNextSignIn accepted and ignored
	 */
	record PasswordProfile(@Nullable String password, @Nullable Boolean forceChangePasswordNextSignIn) {

		@Override
		public String toString() {
			return "PasswordProfile[]";
		}

	}

	/**
	 * The body of {@code POST /users}; other Graph properties such as
	 * {@code mailNickname} are accepted and ignored.
	 *
	 * @param accountEnabled whether the user may sign in; default {@code true}
	 * @param displayName required
	 * @param userPrincipalName required
	 * @param passwordProfile the initial password, optional
	 */
	record NewUserRequest(@Nullable Boolean accountEnabled, @Nullable String displayName,
			@Nullable String userPrincipalName, @Nullable PasswordProfile passwordProfile) {

		NewUser toNewUser() {
			if (this.userPrincipalName == null || this.displayName == null) {
				throw OData.badRequest("Properties 'userPrincipalName' and 'displayName' are required.");
			}
			return new NewUser(this.userPrincipalName, this.displayName,
					(this.accountEnabled != null) ? this.accountEnabled : true,
					(this.passwordProfile != null) ? this.passwordProfile.password() : null);
		}

	}

	/**
	 * The body of {@code PATCH /users/{id}}: properties left out stay as they are.
	 *
	 * @param accountEnabled enable or disable sign-in
	 * @param displayName a new display name
	 * @param userPrincipalName a new sign-in name
	 * @param passwordProfile a new password
	 */
	record UserChangesRequest(@Nullable Boolean accountEnabled, @Nullable String displayName,
			@Nullable String userPrincipalName, @Nullable PasswordProfile passwordProfile) {

		UserChanges toChanges() {
			return new UserChanges(this.userPrincipalName, this.displayName, this.accountEnabled,
					(this.passwordProfile != null) ? this.passwordProfile.password() : null);
		}

	}

}
