package io.keyfob.authmethod;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A directory and method policy that tests fill by hand.
 */
final class TestUserRules implements UserRules {

	final Set<UUID> users = ConcurrentHashMap.newKeySet();

	final Set<UUID> admins = ConcurrentHashMap.newKeySet();

	final Set<UUID> enabled = ConcurrentHashMap.newKeySet();

	final Set<UUID> disabledAccounts = ConcurrentHashMap.newKeySet();

	final Map<String, UUID> principalNames = new ConcurrentHashMap<>();

	/**
	 * A new user whom the policy targets.
	 * @return the user's id
	 */
	UUID newUser() {
		UUID id = UUID.randomUUID();
		this.users.add(id);
		this.enabled.add(id);
		return id;
	}

	UUID newAdmin() {
		UUID id = newUser();
		this.admins.add(id);
		return id;
	}

	@Override
	public boolean exists(UUID userId) {
		return this.users.contains(userId);
	}

	@Override
	public boolean holdsAdminRole(UUID userId) {
		return this.admins.contains(userId);
	}

	@Override
	public boolean isMethodEnabledFor(UUID userId) {
		return this.enabled.contains(userId);
	}

	@Override
	public Optional<UUID> enabledUser(UserReference user) {
		UUID id = (user instanceof UserReference.ById byId) ? byId.id()
				: this.principalNames.get(((UserReference.ByPrincipalName) user).userPrincipalName());
		return Optional.ofNullable(id).filter(this.users::contains).filter((u) -> !this.disabledAccounts.contains(u));
	}

}
