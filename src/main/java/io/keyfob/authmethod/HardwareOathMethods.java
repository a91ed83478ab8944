package io.keyfob.authmethod;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.authmethod.jdbc.JdbcMethodStates;
import io.keyfob.authmethod.jdbc.MethodState;
import io.keyfob.policy.VerificationSettings;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * A user's hardware OATH methods (Graph: {@code hardwareOathMethods}) as they are now. A
 * method's id is its token's id. Changes go through {@link HardwareOathAssignments}
 * (assign, create-and-assign, rename, deactivate, unassign, unlock) and
 * {@link HardwareOathActivations} (activate, claim, resynchronise); sign-in codes through
 * {@link CodeVerification}.
 * <p>
 * Rules: the hardware OATH policy must target the user to add or activate a method
 * ({@code policyDisabledForUser}); a token has one user; at most
 * {@code keyfob.methods.max-per-user} methods per user ({@code methodLimitReached}); an
 * administrator who is not privileged cannot act on a user who holds an admin role
 * ({@code Authorization_RequestDenied}); a user claiming a token cannot tell an unknown
 * token from one held by someone else. Codes are checked as docs/design.md "Verification
 * rules" says, with the settings of {@link VerificationSettings}.
 * <p>
 * Refusals are {@link MethodException}s (a refused code: {@link CodeRefusedException});
 * sign-in codes get a {@link CodeOutcome} instead. Every change publishes one
 * {@link MethodEvents} event.
 */
@Service
public class HardwareOathMethods {

	private final TokenInventory inventory;

	private final JdbcMethodStates states;

	private final MethodRules rules;

	private final MethodGuard guard;

	private final UserRules users;

	private final Clock clock;

	HardwareOathMethods(TokenInventory inventory, JdbcMethodStates states, MethodRules rules, MethodGuard guard,
			UserRules users, Clock clock) {
		this.inventory = inventory;
		this.rules = rules;
		this.states = states;
		this.guard = guard;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * A user's methods, oldest first, each with its token.
	 * @param userId the user
	 * @return the methods, whatever their status
	 */
	public List<HardwareOathMethod> list(UUID userId) {
		List<HardwareOathToken> tokens = this.inventory.assignedTo(userId);
		Map<UUID, MethodState> byToken = new HashMap<>();
		this.states.findByUser(userId).forEach((state) -> byToken.put(state.tokenId(), state));
		Instant now = this.clock.instant();
		return tokens.stream().map((token) -> method(userId, token, byToken.get(token.id()), now)).toList();
	}

	/**
	 * One of a user's methods.
	 * @param userId the user
	 * @param methodId the method (token) id
	 * @return the method
	 * @throws MethodException {@code tokenNotAssignedToUser} if the user does not hold
	 * the token
	 */
	public HardwareOathMethod get(UUID userId, UUID methodId) {
		HardwareOathToken token = this.rules.held(userId, methodId);
		return method(userId, token, this.states.find(userId, methodId).orElse(null), this.clock.instant());
	}

	/**
	 * Whether signing in needs a code from this user: the policy targets them and they
	 * hold an activated token.
	 * @param userId the user
	 * @return whether to ask for a code after the password
	 */
	public boolean requiresCode(UUID userId) {
		return !usableMethods(userId).isEmpty();
	}

	/**
	 * The user a reference names, found as the verification pipeline finds them: only a
	 * user whose account may sign in. For channels (RADIUS) that must know the user
	 * before they can split or route a code.
	 * @param user the id or the sign-in name
	 * @return the user's id, or empty for no such user or a disabled account
	 */
	public Optional<UUID> signInUser(UserReference user) {
		return this.users.enabledUser(user);
	}

	/**
	 * The lock state of tokens' methods, for the inventory's {@code lockedUntil} and the
	 * admin pages.
	 * @param tokenIds the tokens
	 * @return the state of each token that is some user's method and has failures or a
	 * lock
	 */
	public Map<UUID, MethodLock> locks(Collection<UUID> tokenIds) {
		Instant now = this.clock.instant();
		Map<UUID, MethodLock> locks = new HashMap<>();
		for (MethodState state : this.states.findByTokens(tokenIds)) {
			if (state.registered() != null && state.failures() > 0) {
				locks.put(state.tokenId(), this.guard.view(state, now));
			}
		}
		return locks;
	}

	private List<HardwareOathToken> usableMethods(UUID userId) {
		if (!this.users.isMethodEnabledFor(userId)) {
			return List.of();
		}
		return this.inventory.assignedTo(userId)
			.stream()
			.filter((token) -> token.status() == TokenStatus.ACTIVATED)
			.toList();
	}

	private HardwareOathMethod method(UUID userId, HardwareOathToken token, @Nullable MethodState state, Instant now) {
		return new HardwareOathMethod(userId, token, (state != null) ? state.registered() : null,
				(state != null) ? this.guard.view(state, now) : MethodLock.NONE);
	}

}
