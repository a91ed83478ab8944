package io.keyfob.authmethod;

import java.util.Optional;
import java.util.UUID;

import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.policy.AuthenticationMethodsPolicy;

import org.springframework.stereotype.Component;

/**
 * The directory and the hardware OATH method policy, as this module asks them.
 */
@Component
class DirectoryUserRules implements UserRules {

	private final Directory directory;

	private final AuthenticationMethodsPolicy policy;

	DirectoryUserRules(Directory directory, AuthenticationMethodsPolicy policy) {
		this.directory = directory;
		this.policy = policy;
	}

	@Override
	public boolean exists(UUID userId) {
		return this.directory.findUser(userId).isPresent();
	}

	@Override
	public boolean holdsAdminRole(UUID userId) {
		return this.directory.holdsAdminRole(userId);
	}

	@Override
	public boolean isMethodEnabledFor(UUID userId) {
		return this.policy.isEnabledFor(userId);
	}

	@Override
	public Optional<UUID> enabledUser(UserReference user) {
		Optional<User> found = (user instanceof UserReference.ById byId) ? this.directory.findUser(byId.id())
				: this.directory.findUserByPrincipalName(((UserReference.ByPrincipalName) user).userPrincipalName());
		return found.filter(User::accountEnabled).map(User::id);
	}

}
