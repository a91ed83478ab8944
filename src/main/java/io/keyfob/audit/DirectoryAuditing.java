package io.keyfob.audit;

import java.util.TreeSet;

import io.keyfob.directory.DirectoryEvents.GroupCreated;
import io.keyfob.directory.DirectoryEvents.GroupMemberAdded;
import io.keyfob.directory.DirectoryEvents.GroupMemberRemoved;
import io.keyfob.directory.DirectoryEvents.RoleAssigned;
import io.keyfob.directory.DirectoryEvents.RoleUnassigned;
import io.keyfob.directory.DirectoryEvents.UserCreated;
import io.keyfob.directory.DirectoryEvents.UserDeleted;
import io.keyfob.directory.DirectoryEvents.UserUpdated;
import io.keyfob.directory.DirectoryRole;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs changes of users, groups and role assignments, with Entra's activity names.
 * <p>
 * Synchronous {@link EventListener}s in the directory's transaction, for the reasons
 * given on {@link TokenAuditing}: the entry commits with the change or not at all, and
 * the actor is read on the request's thread. A bulk user import publishes one event per
 * user and gets one entry per user.
 */
@Component
class DirectoryAuditing {

	private final AuditRecorder recorder;

	DirectoryAuditing(AuditRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void on(UserCreated event) {
		this.recorder.record(AuditRecord.change("UserManagement", "Add user", "Add", AuditRecord.DIRECTORY)
			.target(event.userId(), AuditTarget.USER, event.userPrincipalName())
			.build());
	}

	@EventListener
	void on(UserUpdated event) {
		this.recorder.record(AuditRecord.change("UserManagement", "Update user", "Update", AuditRecord.DIRECTORY)
			.target(event.userId(), AuditTarget.USER, null)
			.detail("changedProperties", String.join(",", new TreeSet<>(event.changedProperties())))
			.build());
	}

	@EventListener
	void on(UserDeleted event) {
		this.recorder.record(AuditRecord.change("UserManagement", "Delete user", "Delete", AuditRecord.DIRECTORY)
			.target(event.userId(), AuditTarget.USER, event.userPrincipalName())
			.build());
	}

	@EventListener
	void on(GroupCreated event) {
		this.recorder.record(AuditRecord.change("GroupManagement", "Add group", "Add", AuditRecord.DIRECTORY)
			.target(event.groupId(), AuditTarget.GROUP, event.displayName())
			.build());
	}

	@EventListener
	void on(GroupMemberAdded event) {
		this.recorder
			.record(AuditRecord.change("GroupManagement", "Add member to group", "Assign", AuditRecord.DIRECTORY)
				.target(event.groupId(), AuditTarget.GROUP, null)
				.target(event.userId(), AuditTarget.USER, null)
				.build());
	}

	@EventListener
	void on(GroupMemberRemoved event) {
		this.recorder
			.record(AuditRecord.change("GroupManagement", "Remove member from group", "Unassign", AuditRecord.DIRECTORY)
				.target(event.groupId(), AuditTarget.GROUP, null)
				.target(event.userId(), AuditTarget.USER, null)
				.build());
	}

	@EventListener
	void on(RoleAssigned event) {
		this.recorder.record(role("Add member to role", "Assign", event.principalId().toString(), event.role())
			.detail("roleAssignmentId", event.assignmentId())
			.build());
	}

	@EventListener
	void on(RoleUnassigned event) {
		this.recorder.record(role("Remove member from role", "Unassign", event.principalId().toString(), event.role())
			.detail("roleAssignmentId", event.assignmentId())
			.build());
	}

	private static AuditRecord.Builder role(String activity, String operationType, String userId, DirectoryRole role) {
		return AuditRecord.change("RoleManagement", activity, operationType, AuditRecord.DIRECTORY)
			.target(userId, AuditTarget.USER, null)
			.target(role.templateId(), AuditTarget.ROLE, role.displayName());
	}

}
