package io.keyfob.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.DirectoryEvents.GroupCreated;
import io.keyfob.directory.DirectoryEvents.GroupMemberAdded;
import io.keyfob.directory.DirectoryEvents.GroupMemberRemoved;
import io.keyfob.directory.DirectoryEvents.RoleAssigned;
import io.keyfob.directory.DirectoryEvents.RoleUnassigned;
import io.keyfob.directory.DirectoryEvents.UserCreated;
import io.keyfob.directory.DirectoryEvents.UserDeleted;
import io.keyfob.directory.DirectoryEvents.UserUpdated;
import io.keyfob.directory.jdbc.JdbcGroups;
import io.keyfob.directory.jdbc.JdbcRoleAssignments;
import io.keyfob.directory.jdbc.JdbcUsers;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the directory: users, groups, members and role assignments. Each method is
 * one transaction and publishes one event (see {@link DirectoryEvents}) when it changed
 * something. Who may call what is decided by the HTTP adapters, not here.
 */
@Service
@Transactional
public class DirectoryAdministration {

	private final JdbcUsers users;

	private final JdbcGroups groups;

	private final JdbcRoleAssignments roles;

	private final Passwords passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DirectoryAdministration(JdbcUsers users, JdbcGroups groups, JdbcRoleAssignments roles, Passwords passwords,
			ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.groups = groups;
		this.roles = roles;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Create a user.
	 * @param newUser the user's properties and optional password
	 * @return the user
	 * @throws io.keyfob.shared.KeyfobException {@code INVALID} for a malformed name or a
	 * password that breaks the rules, {@code CONFLICT} when the sign-in name is taken
	 */
	public User createUser(NewUser newUser) {
		User user = new User(UUID.randomUUID(), UserPropertyRules.userPrincipalName(newUser.userPrincipalName()),
				UserPropertyRules.displayName(newUser.displayName()), newUser.accountEnabled(), now());
		String hash = (newUser.password() != null) ? this.passwords.hash(newUser.password()) : null;
		try {
			this.users.insert(user, hash);
		}
		catch (DuplicateKeyException ex) {
			throw DirectoryErrors.duplicateUserPrincipalName();
		}
		this.events.publishEvent(new UserCreated(user.id(), user.userPrincipalName()));
		return user;
	}

	/**
	 * Change some of a user's properties.
	 * @param id the user
	 * @param changes the properties to change; {@code null} ones stay
	 * @return the user as it is now
	 */
	public User updateUser(UUID id, UserChanges changes) {
		User current = this.users.findById(id).orElseThrow(() -> DirectoryErrors.userNotFound(id.toString()));
		Set<String> changed = new LinkedHashSet<>();
		String upn = changed(current.userPrincipalName(), changes.userPrincipalName(),
				UserPropertyRules::userPrincipalName, "userPrincipalName", changed);
		String displayName = changed(current.displayName(), changes.displayName(), UserPropertyRules::displayName,
				"displayName", changed);
		boolean enabled = current.accountEnabled();
		if (changes.accountEnabled() != null && changes.accountEnabled() != enabled) {
			enabled = changes.accountEnabled();
			changed.add("accountEnabled");
		}
		User updated = new User(id, upn, displayName, enabled, current.createdDateTime());
		try {
			this.users.update(updated);
		}
		catch (DuplicateKeyException ex) {
			throw DirectoryErrors.duplicateUserPrincipalName();
		}
		if (changes.password() != null) {
			this.users.updatePasswordHash(id, this.passwords.hash(changes.password()));
			changed.add("passwordProfile");
		}
		if (!changed.isEmpty()) {
			this.events.publishEvent(new UserUpdated(id, Set.copyOf(changed)));
		}
		return updated;
	}

	/**
	 * Delete a user with their memberships and role assignments.
	 * @param id the user
	 */
	public void deleteUser(UUID id) {
		User user = this.users.findById(id).orElseThrow(() -> DirectoryErrors.userNotFound(id.toString()));
		this.users.delete(id);
		this.events.publishEvent(new UserDeleted(id, user.userPrincipalName()));
	}

	/**
	 * Create a group.
	 * @param displayName its name, not necessarily unique
	 * @param description what it is for, or {@code null}
	 * @return the group
	 */
	public Group createGroup(String displayName, @Nullable String description) {
		Group group = new Group(UUID.randomUUID(), UserPropertyRules.displayName(displayName),
				(description != null) ? UserPropertyRules.description(description) : null, now());
		this.groups.insert(group);
		this.events.publishEvent(new GroupCreated(group.id(), group.displayName()));
		return group;
	}

	/**
	 * Add a user to a group.
	 * @param groupId the group
	 * @param userId the user
	 * @throws io.keyfob.shared.KeyfobException {@code NOT_FOUND} for an unknown group or
	 * user, {@code INVALID} when the user already is a member (as Graph answers)
	 */
	public void addMember(UUID groupId, UUID userId) {
		this.groups.findById(groupId).orElseThrow(() -> DirectoryErrors.groupNotFound(groupId));
		this.users.findById(userId).orElseThrow(() -> DirectoryErrors.userNotFound(userId.toString()));
		if (!this.groups.addMember(groupId, userId)) {
			throw DirectoryErrors.alreadyMember();
		}
		this.events.publishEvent(new GroupMemberAdded(groupId, userId));
	}

	/**
	 * Remove a user from a group.
	 * @param groupId the group
	 * @param userId the user
	 * @throws io.keyfob.shared.KeyfobException {@code NOT_FOUND} when the user is not a
	 * member
	 */
	public void removeMember(UUID groupId, UUID userId) {
		this.groups.findById(groupId).orElseThrow(() -> DirectoryErrors.groupNotFound(groupId));
		if (!this.groups.removeMember(groupId, userId)) {
			throw DirectoryErrors.userNotFound(userId.toString());
		}
		this.events.publishEvent(new GroupMemberRemoved(groupId, userId));
	}

	/**
	 * Give a user a directory role, tenant-wide.
	 * @param principalId the user
	 * @param role the role
	 * @return the assignment
	 * @throws io.keyfob.shared.KeyfobException {@code NOT_FOUND} for an unknown user,
	 * {@code CONFLICT} when the user holds the role already
	 */
	public RoleAssignment assignRole(UUID principalId, DirectoryRole role) {
		this.users.findById(principalId).orElseThrow(() -> DirectoryErrors.userNotFound(principalId.toString()));
		RoleAssignment assignment = new RoleAssignment(UUID.randomUUID(), principalId, role,
				RoleAssignment.DIRECTORY_SCOPE, now());
		try {
			this.roles.insert(assignment);
		}
		catch (DuplicateKeyException ex) {
			throw DirectoryErrors.duplicateRoleAssignment();
		}
		this.events.publishEvent(new RoleAssigned(assignment.id(), principalId, role));
		return assignment;
	}

	/**
	 * Remove a role assignment; it takes effect on the user's next request.
	 * @param assignmentId the assignment
	 */
	public void removeRoleAssignment(UUID assignmentId) {
		RoleAssignment assignment = this.roles.findById(assignmentId)
			.orElseThrow(() -> DirectoryErrors.userNotFound(assignmentId.toString()));
		this.roles.delete(assignmentId);
		this.events.publishEvent(new RoleUnassigned(assignmentId, assignment.principalId(), assignment.role()));
	}

	private static String changed(String current, @Nullable String requested,
			java.util.function.UnaryOperator<String> rule, String property, Set<String> changed) {
		if (requested == null) {
			return current;
		}
		String value = rule.apply(requested);
		if (!value.equals(current)) {
			changed.add(property);
		}
		return value;
	}

	/**
	 * The time, to the microsecond that both databases store, so an object read back
	 * equals the one returned on creation.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
