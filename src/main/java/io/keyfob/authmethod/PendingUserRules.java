package io.keyfob.authmethod;

import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Stands in for the directory and the method policy until they are wired in: knows no
 * user and targets nobody, so nothing can be assigned or verified.
 */
@Component
class PendingUserRules implements UserRules {

	@Override
	public boolean exists(UUID userId) {
		return false;
	}

	@Override
	public boolean holdsAdminRole(UUID userId) {
		return true;
	}

	@Override
	public boolean isMethodEnabledFor(UUID userId) {
		return false;
	}

}
