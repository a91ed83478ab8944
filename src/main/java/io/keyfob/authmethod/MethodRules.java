package io.keyfob.authmethod;

import java.util.Optional;
import java.util.UUID;

import io.keyfob.policy.VerificationSettings;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenStatus;
import io.keyfob.token.TokenInventory;

import org.springframework.stereotype.Component;

/**
 * Who may change whose methods, and which tokens a user may claim: the checks that
 * {@link HardwareOathMethods} makes before it changes anything.
 */
@Component
final class MethodRules {

	private final UserRules users;

	private final TokenInventory inventory;

	private final VerificationSettings settings;

	MethodRules(UserRules users, TokenInventory inventory, VerificationSettings settings) {
		this.users = users;
		this.inventory = inventory;
		this.settings = settings;
	}

	void authorize(Actor actor, UUID userId) {
		if (actor.kind() == Actor.Kind.SELF && !userId.equals(actor.userId())) {
			throw MethodException.adminOnly();
		}
		if (!this.users.exists(userId)) {
			throw MethodException.userNotFound(userId);
		}
		if (actor.kind() == Actor.Kind.ADMINISTRATOR && !actor.privileged() && !userId.equals(actor.userId())
				&& this.users.holdsAdminRole(userId)) {
			throw MethodException.accessDenied();
		}
	}

	void requirePolicy(UUID userId) {
		if (!this.users.isMethodEnabledFor(userId)) {
			throw MethodException.policyDisabled();
		}
	}

	void requireRoom(UUID userId) {
		int limit = this.settings.methods().maxPerUser();
		if (this.inventory.assignedTo(userId).size() >= limit) {
			throw MethodException.limitReached(limit);
		}
	}

	/**
	 * A token the user may claim: available, or already theirs. For a user, an unknown
	 * token and one held by someone else look alike.
	 */
	HardwareOathToken claimable(Actor actor, UUID userId, UUID tokenId) {
		Optional<HardwareOathToken> token = this.inventory.find(tokenId);
		token.ifPresent(MethodRules::requireNotBlocked);
		if (actor.isSelf(userId)) {
			return token.filter((t) -> t.assignedTo() == null || userId.equals(t.assignedTo()))
				.orElseThrow(() -> MethodException.notAvailable(tokenId));
		}
		HardwareOathToken found = this.inventory.get(tokenId);
		if (found.assignedTo() != null && !userId.equals(found.assignedTo())) {
			throw MethodException.alreadyAssigned(tokenId);
		}
		return found;
	}

	/** A blocked token (lost, stolen, broken, retired) cannot be claimed or assigned. */
	static void requireNotBlocked(HardwareOathToken token) {
		if (token.status() == TokenStatus.BLOCKED) {
			throw MethodException.blocked(token.id());
		}
	}

	HardwareOathToken held(UUID userId, UUID methodId) {
		return this.inventory.find(methodId)
			.filter((token) -> userId.equals(token.assignedTo()))
			.orElseThrow(() -> MethodException.notAssignedToUser(methodId));
	}

}
