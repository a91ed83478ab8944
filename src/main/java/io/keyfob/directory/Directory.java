package io.keyfob.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.jdbc.JdbcGroups;
import io.keyfob.directory.jdbc.JdbcRoleAssignments;
import io.keyfob.directory.jdbc.JdbcUsers;
import io.keyfob.shared.filter.Filter;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory as the other modules read it: users, groups, memberships, roles, and the
 * password check for sign-in. Changes go through {@link DirectoryAdministration}.
 * Thread-safe.
 */
@Service
@Transactional(readOnly = true)
public class Directory {

	/** The longest user principal name a user can have. */
	public static final int MAX_NAME_LENGTH = 256;

	private final JdbcUsers users;

	private final JdbcGroups groups;

	private final JdbcRoleAssignments roles;

	private final Passwords passwords;

	private final PasswordThrottle throttle;

	Directory(JdbcUsers users, JdbcGroups groups, JdbcRoleAssignments roles, Passwords passwords,
			PasswordThrottle throttle) {
		this.users = users;
		this.groups = groups;
		this.roles = roles;
		this.passwords = passwords;
		this.throttle = throttle;
	}

	public Optional<User> findUser(UUID id) {
		return this.users.findById(id);
	}

	public Optional<User> findUserByPrincipalName(String userPrincipalName) {
		return this.users.findByUserPrincipalName(userPrincipalName);
	}

	/**
	 * Find a user as a Graph path names one: by object id or by sign-in name.
	 * @param idOrPrincipalName a GUID or a user principal name
	 * @return the user, or empty
	 */
	public Optional<User> findUser(String idOrPrincipalName) {
		return PageKeys.uuid(idOrPrincipalName)
			.map(this.users::findById)
			.orElseGet(() -> this.users.findByUserPrincipalName(idOrPrincipalName));
	}

	/**
	 * One page of users in the order of their sign-in names.
	 * @param query criteria, page key and size
	 * @return the page
	 */
	public Page<User> users(UserQuery query) {
		String after = (query.after() != null) ? PageKeys.decode(query.after()) : null;
		List<User> found = this.users.page(query.after(after));
		return PageKeys.page(found, query.limit(), (user) -> JdbcUsers.key(user.userPrincipalName()));
	}

	/**
	 * How many users match, ignoring the page.
	 * @param query the criteria
	 * @return the count
	 */
	public long countUsers(UserQuery query) {
		return this.users.count(query);
	}

	/**
	 * Display names of many users in one query, for lists.
	 * @param userIds the users
	 * @return display name by id; users that do not exist are missing
	 */
	public Map<UUID, String> displayNames(Collection<UUID> userIds) {
		return this.users.displayNames(userIds);
	}

	/**
	 * Whether a user belongs to at least one of some groups, for policy targeting.
	 * @param userId the user
	 * @param groupIds the groups
	 * @return {@code false} when the collection is empty
	 */
	public boolean isMemberOfAny(UUID userId, Collection<UUID> groupIds) {
		return this.groups.isMemberOfAny(userId, groupIds);
	}

	/**
	 * The directory roles a user holds now.
	 * @param userId the user
	 * @return the roles, empty for a user without roles or an unknown id
	 */
	public Set<DirectoryRole> rolesOf(UUID userId) {
		return this.roles.rolesOf(userId);
	}

	/**
	 * Whether a user holds a role that makes them an admin for the target rule of
	 * docs/design.md, "Authentication and authorization".
	 * @param userId the user
	 * @return {@code true} if any of their roles is an admin role
	 */
	public boolean holdsAdminRole(UUID userId) {
		return rolesOf(userId).stream().anyMatch(DirectoryRole::isAdminRole);
	}

	public Optional<Group> findGroup(UUID id) {
		return this.groups.findById(id);
	}

	/**
	 * Groups with a display name, ignoring case.
	 * @param displayName the name
	 * @return the groups; display names are not unique
	 */
	public List<Group> findGroupsByDisplayName(String displayName) {
		return this.groups.findByDisplayName(displayName);
	}

	/**
	 * One page of groups.
	 * @param after the {@link Page#next()} of the previous page, or {@code null}
	 * @param limit the page size
	 * @return the page
	 */
	public Page<Group> groups(@Nullable String after, int limit) {
		return groups(null, after, limit);
	}

	/**
	 * One page of the groups that match a filter, in the order of their ids.
	 * @param filter the condition ({@link Group#FILTER_SCHEMA}), or {@code null}
	 * @param after the {@link Page#next()} of the previous page, or {@code null}
	 * @param limit the page size
	 * @return the page
	 */
	public Page<Group> groups(@Nullable Filter filter, @Nullable String after, int limit) {
		UUID afterId = (after != null)
				? PageKeys.uuid(PageKeys.decode(after)).orElseThrow(DirectoryErrors::badPageToken) : null;
		return PageKeys.page(this.groups.page(filter, afterId, limit + 1), limit, (group) -> group.id().toString());
	}

	/**
	 * Count the groups that match a filter.
	 * @param filter the condition, or {@code null}
	 * @return the count
	 */
	public long countGroups(@Nullable Filter filter) {
		return this.groups.count(filter);
	}

	/**
	 * One page of a group's members, in the order of their sign-in names.
	 * @param groupId the group
	 * @param after the {@link Page#next()} of the previous page, or {@code null}
	 * @param limit the page size
	 * @return the page
	 * @throws io.keyfob.shared.KeyfobException if the group does not exist
	 */
	public Page<User> members(UUID groupId, @Nullable String after, int limit) {
		this.groups.findById(groupId).orElseThrow(() -> DirectoryErrors.groupNotFound(groupId));
		String afterKey = (after != null) ? PageKeys.decode(after) : null;
		return PageKeys.page(this.groups.members(groupId, afterKey, limit + 1), limit,
				(user) -> JdbcUsers.key(user.userPrincipalName()));
	}

	public Optional<RoleAssignment> findRoleAssignment(UUID id) {
		return this.roles.findById(id);
	}

	/**
	 * Role assignments, optionally of one user or one role.
	 * @param principalId only this user's, or {@code null}
	 * @param role only this role's, or {@code null}
	 * @return the assignments, oldest first
	 */
	public List<RoleAssignment> roleAssignments(@Nullable UUID principalId, @Nullable DirectoryRole role) {
		return this.roles.find(principalId, role);
	}

	/**
	 * Check a password for sign-in. Unknown names, disabled accounts, users without a
	 * password and wrong passwords give the same answer after the same work; repeated
	 * failures for one name are throttled whether or not the name exists.
	 * @param userPrincipalName the name typed
	 * @param password the password typed
	 * @return the outcome
	 */
	@Transactional
	public PasswordCheck checkPassword(String userPrincipalName, String password) {
		String name = userPrincipalName.strip();
		if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
			return new PasswordCheck.Rejected();
		}
		Optional<java.time.Instant> blocked = this.throttle.blockedUntil(name);
		if (blocked.isPresent()) {
			return new PasswordCheck.Throttled(blocked.get());
		}
		Optional<JdbcUsers.Credentials> credentials = this.users.findCredentials(name);
		String hash = credentials.map(JdbcUsers.Credentials::passwordHash).orElse(null);
		boolean matches;
		if (hash != null) {
			matches = this.passwords.matches(password, hash);
		}
		else {
			this.passwords.spendDecoyCheck(password);
			matches = false;
		}
		if (!matches || !credentials.get().user().accountEnabled()) {
			this.throttle.failed(name);
			return new PasswordCheck.Rejected();
		}
		this.throttle.succeeded(name);
		return new PasswordCheck.Accepted(credentials.get().user());
	}

}
