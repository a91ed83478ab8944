package io.keyfob.directory;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.DirectoryEvents.GroupMemberAdded;
import io.keyfob.directory.DirectoryEvents.UserCreated;
import io.keyfob.directory.jdbc.JdbcGroups;
import io.keyfob.directory.jdbc.JdbcUsers;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a batch of imported users and their memberships in one transaction.
 */
@Component
class ImportStore {

	private final JdbcUsers users;

	private final JdbcGroups groups;

	private final ApplicationEventPublisher events;

	ImportStore(JdbcUsers users, JdbcGroups groups, ApplicationEventPublisher events) {
		this.users = users;
		this.groups = groups;
		this.events = events;
	}

	@Transactional(readOnly = true)
	Set<String> existingKeys(List<Candidate> candidates) {
		return this.users.existingKeys(candidates.stream().map((c) -> c.user().userPrincipalName()).toList());
	}

	@Transactional
	void insert(List<Candidate> candidates) {
		this.users.insertAll(candidates.stream().map((c) -> new JdbcUsers.NewRow(c.user(), c.passwordHash())).toList());
		List<JdbcGroups.Membership> memberships = candidates.stream()
			.flatMap((c) -> c.groupIds().stream().map((group) -> new JdbcGroups.Membership(group, c.user().id())))
			.toList();
		if (!memberships.isEmpty()) {
			this.groups.addMembers(memberships);
		}
		for (Candidate candidate : candidates) {
			this.events.publishEvent(new UserCreated(candidate.user().id(), candidate.user().userPrincipalName()));
			candidate.groupIds()
				.forEach((group) -> this.events.publishEvent(new GroupMemberAdded(group, candidate.user().id())));
		}
	}

	/**
	 * A checked row, ready to store.
	 *
	 * @param line the line it came from
	 * @param user the user to create
	 * @param password the password to hash, or {@code null}
	 * @param groupIds the groups to join
	 * @param passwordHash the hash, once computed
	 */
	record Candidate(long line, User user, @Nullable String password, Set<UUID> groupIds,
			@Nullable String passwordHash) {

		Candidate(long line, User user, @Nullable String password, Set<UUID> groupIds) {
			this(line, user, password, groupIds, null);
		}

		Candidate withHash(String hash) {
			return new Candidate(this.line, this.user, null, this.groupIds, hash);
		}

		@Override
		public String toString() {
			return "Candidate[line=" + this.line + ", user=" + this.user.id() + "]";
		}

	}

}
