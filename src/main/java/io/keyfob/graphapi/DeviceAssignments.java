package io.keyfob.graphapi;

import java.util.UUID;

import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.policy.VerificationSettings;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenCriterion;
import io.keyfob.token.TokenField;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenQuery;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Create-and-assign (Graph: {@code POST hardwareOathDevices} with {@code assignTo}): the
 * token is created and assigned in one transaction, so a refused assignment leaves no
 * token behind.
 * <p>
 * The assignment rules belong to the user-methods module ({@code authmethod}); until its
 * assign operation exists, this class checks them itself: the user exists, the policy
 * targets the user, and the user holds fewer than the maximum number of tokens. Rewire
 * {@link #assign} to {@code authmethod}'s assign operation, which also applies the
 * privileged-user rule for delegated callers.
 */
@Component
class DeviceAssignments {

	private final TokenInventory inventory;

	private final UserLookup users;

	private final AuthenticationMethodsPolicy policy;

	private final VerificationSettings settings;

	DeviceAssignments(TokenInventory inventory, UserLookup users, AuthenticationMethodsPolicy policy,
			VerificationSettings settings) {
		this.inventory = inventory;
		this.users = users;
		this.policy = policy;
		this.settings = settings;
	}

	/**
	 * Create a token and assign it to a user, or do neither.
	 * @param command the token
	 * @param userId the user
	 * @return the assigned token
	 */
	@Transactional
	HardwareOathToken createAndAssign(NewHardwareOathToken command, UUID userId) {
		checkUser(userId);
		HardwareOathToken token = this.inventory.create(command);
		return assign(token, userId);
	}

	private HardwareOathToken assign(HardwareOathToken token, UUID userId) {
		return this.inventory.change(token.id(), (t) -> t.assignTo(userId));
	}

	private void checkUser(UUID userId) {
		if (!this.users.userExists(userId)) {
			throw new KeyfobException(ErrorKind.INVALID, "invalidRequest", "assignTo: no user has id " + userId
					+ "; give the id of an existing user, as /beta/users lists it");
		}
		if (!this.policy.isEnabledFor(userId)) {
			throw new KeyfobException(ErrorKind.FORBIDDEN, "policyDisabledForUser",
					"The hardware OATH method " + "policy does not target user " + userId
							+ ". Enable the policy for the user, or one of the " + "user's groups, first.");
		}
		int max = this.settings.methods().maxPerUser();
		TokenQuery held = new TokenQuery(TokenCriterion.eq(TokenField.ASSIGNED_TO, userId), false, 1, null, true);
		Long count = this.inventory.list(held).count();
		if (count != null && count >= max) {
			throw new KeyfobException(ErrorKind.INVALID, "methodLimitReached", "User " + userId + " already holds "
					+ count + " hardware OATH tokens, the most allowed (" + max + "). Unassign one first.");
		}
	}

}
