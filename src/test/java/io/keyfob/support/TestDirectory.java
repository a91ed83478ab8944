package io.keyfob.support;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.keyfob.graphapi.UserLookup;
import io.keyfob.policy.GroupMembership;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * An in-memory directory of users and groups for tests of the policy and the inventory,
 * until the directory module is merged. Test code only.
 */
public final class TestDirectory implements UserLookup, GroupMembership {

	private final Map<UUID, String> users = new ConcurrentHashMap<>();

	private final Map<UUID, Set<UUID>> members = new ConcurrentHashMap<>();

	/**
	 * Add a user.
	 * @param displayName the user's name
	 * @return the user's id
	 */
	public UUID user(String displayName) {
		UUID id = UUID.randomUUID();
		this.users.put(id, displayName);
		return id;
	}

	/**
	 * Add a group.
	 * @param memberIds its members
	 * @return the group's id
	 */
	public UUID group(UUID... memberIds) {
		UUID id = UUID.randomUUID();
		this.members.put(id, ConcurrentHashMap.newKeySet());
		this.members.get(id).addAll(Set.of(memberIds));
		return id;
	}

	/**
	 * Add a user to a group.
	 * @param groupId the group
	 * @param userId the user
	 */
	public void addMember(UUID groupId, UUID userId) {
		this.members.get(groupId).add(userId);
	}

	/**
	 * Take a user out of a group.
	 * @param groupId the group
	 * @param userId the user
	 */
	public void removeMember(UUID groupId, UUID userId) {
		this.members.get(groupId).remove(userId);
	}

	@Override
	public boolean userExists(UUID userId) {
		return this.users.containsKey(userId);
	}

	@Override
	public Map<UUID, String> displayNames(Collection<UUID> userIds) {
		Map<UUID, String> names = new HashMap<>();
		userIds.stream().filter(this.users::containsKey).forEach((id) -> names.put(id, this.users.get(id)));
		return names;
	}

	@Override
	public boolean groupExists(UUID groupId) {
		return this.members.containsKey(groupId);
	}

	@Override
	public boolean isMemberOfAny(UUID userId, Collection<UUID> groupIds) {
		return groupIds.stream().anyMatch((g) -> this.members.getOrDefault(g, Set.of()).contains(userId));
	}

	/**
	 * Registers one {@link TestDirectory} as the directory of a Spring test.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TestDirectory testDirectory() {
			return new TestDirectory();
		}

	}

}
