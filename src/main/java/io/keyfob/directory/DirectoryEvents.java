package io.keyfob.directory;

import java.util.Set;
import java.util.UUID;

/**
 * What happened in the directory, published after each change for the audit log. Events
 * name objects by id and carry no secret.
 */
public final class DirectoryEvents {

	private DirectoryEvents() {
	}

	/**
	 * A user was created.
	 *
	 * @param userId the new user
	 * @param userPrincipalName their sign-in name
	 */
	public record UserCreated(UUID userId, String userPrincipalName) {
	}

	/**
	 * A user's properties changed.
	 *
	 * @param userId the user
	 * @param changedProperties the Graph names of the changed properties, for example
	 * {@code passwordProfile}
	 */
	public record UserUpdated(UUID userId, Set<String> changedProperties) {
	}

	/**
	 * A user was deleted, with their memberships and role assignments.
	 *
	 * @param userId the user
	 * @param userPrincipalName their sign-in name
	 */
	public record UserDeleted(UUID userId, String userPrincipalName) {
	}

	/**
	 * A group was created.
	 *
	 * @param groupId the group
	 * @param displayName its name
	 */
	public record GroupCreated(UUID groupId, String displayName) {
	}

	/**
	 * A user joined a group.
	 *
	 * @param groupId the group
	 * @param userId the user
	 */
	public record GroupMemberAdded(UUID groupId, UUID userId) {
	}

	/**
	 * A user left a group.
	 *
	 * @param groupId the group
	 * @param userId the user
	 */
	public record GroupMemberRemoved(UUID groupId, UUID userId) {
	}

	/**
	 * A user was given a directory role.
	 *
	 * @param assignmentId the assignment
	 * @param principalId the user
	 * @param role the role
	 */
	public record RoleAssigned(UUID assignmentId, UUID principalId, DirectoryRole role) {
	}

	/**
	 * A role assignment was removed.
	 *
	 * @param assignmentId the assignment
	 * @param principalId the user who held the role
	 * @param role the role
	 */
	public record RoleUnassigned(UUID assignmentId, UUID principalId, DirectoryRole role) {
	}

}
