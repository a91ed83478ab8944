package io.keyfob.authmethod;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.keyfob.authmethod.MethodEvents.HardwareOathMethodAssigned;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodDeactivated;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodRenamed;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodUnassigned;
import io.keyfob.authmethod.MethodEvents.MethodUnlocked;
import io.keyfob.authmethod.jdbc.JdbcMethodStates;
import io.keyfob.authmethod.jdbc.MethodState;
import io.keyfob.policy.VerificationSettings;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenStateException;
import io.keyfob.token.TokenStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's hardware OATH methods (Graph: {@code hardwareOathMethods}): assign a token
 * from the inventory, activate it with a code, deactivate, unassign, resynchronise, and
 * unlock. A method's id is its token's id.
 * <p>
 * Rules: the hardware OATH policy must target the user to add or activate a method
 * ({@code policyDisabledForUser}); a token has one user; at most
 * {@code keyfob.methods.max-per-user} methods per user ({@code methodLimitReached}); an
 * administrator who is not privileged cannot act on a user who holds an admin role
 * ({@code Authorization_RequestDenied}); a user claiming a token cannot tell an unknown
 * token from one held by someone else. Codes are checked as docs/design.md "Verification
 * rules" says, with the settings of {@link VerificationSettings}.
 * <p>
 * Refusals are {@link MethodException}s (a lock: {@link MethodLockedException}); sign-in
 * codes get a {@link Verification} answer instead. Every change publishes one
 * {@link MethodEvents} event.
 */
@Service
public class HardwareOathMethods {

	private final TokenInventory inventory;

	private final JdbcMethodStates states;

	private final MethodRules rules;

	private final Activation activation;

	private final Resync resyncs;

	private final MethodGuard guard;

	private final UserRules users;

	private final ApplicationEventPublisher events;

	private final VerificationSettings settings;

	private final Clock clock;

	HardwareOathMethods(TokenInventory inventory, JdbcMethodStates states, MethodRules rules, Activation activation,
			Resync resyncs, MethodGuard guard, UserRules users, ApplicationEventPublisher events,
			VerificationSettings settings, Clock clock) {
		this.inventory = inventory;
		this.rules = rules;
		this.states = states;
		this.activation = activation;
		this.resyncs = resyncs;
		this.guard = guard;
		this.users = users;
		this.events = events;
		this.settings = settings;
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
	 * Assign an available token to a user (Graph: {@code POST hardwareOathMethods} with
	 * {@code device.id}, and create-with-{@code assignTo}). The token becomes
	 * {@code assigned}; the user or an admin activates it next.
	 * @param actor who asks
	 * @param userId the user
	 * @param tokenId the token
	 * @return the new method
	 */
	@Transactional
	public HardwareOathMethod assign(Actor actor, UUID userId, UUID tokenId) {
		this.rules.authorize(actor, userId);
		this.rules.requirePolicy(userId);
		HardwareOathToken token = this.rules.claimable(actor, userId, tokenId);
		if (userId.equals(token.assignedTo())) {
			throw MethodException.alreadyHeld(tokenId);
		}
		this.rules.requireRoom(userId);
		HardwareOathToken assigned = this.inventory.change(tokenId, (t) -> t.assignTo(userId));
		MethodState state = this.states.lockForUpdate(userId, tokenId);
		MethodState registered = state.withRegistered(this.clock.instant());
		this.states.save(registered);
		this.events.publishEvent(new HardwareOathMethodAssigned(userId, tokenId, actor));
		return method(userId, assigned, registered, this.clock.instant());
	}

	/**
	 * How many more tokens {@link #assign} would give a user now, after the checks it
	 * makes before it looks at a token: the actor may act on the user and the policy
	 * targets them. Changes nothing; for imports that check a whole file before they
	 * store any of it.
	 * @param actor who asks
	 * @param userId the user
	 * @return how many more methods the user may get, 0 or more
	 * @throws MethodException as {@link #assign} does for these checks
	 */
	@Transactional(readOnly = true)
	public int room(Actor actor, UUID userId) {
		this.rules.authorize(actor, userId);
		this.rules.requirePolicy(userId);
		return Math.max(0, this.settings.methods().maxPerUser() - this.inventory.assignedTo(userId).size());
	}

	/**
	 * Take a token from a user; it goes back to the inventory as {@code available}, and
	 * its lock state is forgotten.
	 * @param actor who asks
	 * @param userId the user
	 * @param methodId the method (token) id
	 */
	@Transactional
	public void unassign(Actor actor, UUID userId, UUID methodId) {
		this.rules.authorize(actor, userId);
		this.rules.held(userId, methodId);
		this.inventory.change(methodId, HardwareOathToken::unassign);
		this.states.delete(userId, methodId);
		this.events.publishEvent(new HardwareOathMethodUnassigned(userId, methodId, actor));
	}

	/**
	 * Prove that the user holds the token with the code it shows (Graph:
	 * {@code activate}).
	 * @param actor who asks
	 * @param userId the user
	 * @param methodId the method (token) id
	 * @param verificationCode the code the token shows
	 * @param displayName a name for the token, or {@code null} to keep its name
	 * @throws MethodException {@code invalidVerificationCode} (the token is then
	 * {@code failedActivation}; retry with a new code), {@code additionalCodeRequired}
	 * (send the next code), or {@code methodLocked}, each a {@link CodeRefusedException}
	 */
	public void activate(Actor actor, UUID userId, UUID methodId, String verificationCode,
			@Nullable String displayName) {
		this.rules.authorize(actor, userId);
		this.rules.requirePolicy(userId);
		HardwareOathToken token = this.rules.held(userId, methodId);
		TypedCode code = typed(verificationCode);
		refuseUnlessAccepted(this.activation.activate(userId, token.id(), code, displayName, actor, false));
	}

	/**
	 * Stop a token from signing in; it stays assigned to the user (Graph:
	 * {@code deactivate}).
	 * @param actor who asks
	 * @param userId the user
	 * @param methodId the method (token) id
	 */
	@Transactional
	public void deactivate(Actor actor, UUID userId, UUID methodId) {
		this.rules.authorize(actor, userId);
		this.rules.held(userId, methodId);
		this.inventory.change(methodId, HardwareOathToken::deactivate);
		this.events.publishEvent(new HardwareOathMethodDeactivated(userId, methodId, actor));
	}

	/**
	 * Assign an available token and activate it in one step (Graph:
	 * {@code assignAndActivate}). Nothing is assigned unless the code is right.
	 * @param actor who asks
	 * @param userId the user
	 * @param tokenId the token
	 * @param verificationCode the code the token shows
	 * @param displayName a name for the token, or {@code null}
	 */
	public void assignAndActivate(Actor actor, UUID userId, UUID tokenId, String verificationCode,
			@Nullable String displayName) {
		this.rules.authorize(actor, userId);
		this.rules.requirePolicy(userId);
		claim(actor, userId, this.rules.claimable(actor, userId, tokenId), verificationCode, displayName,
				() -> MethodException.notAvailable(tokenId));
	}

	/**
	 * Claim a token by the serial number printed on it and activate it with its code
	 * (Graph: {@code assignAndActivateBySerialNumber}; My Security Info). A user gets
	 * {@code serialNumberNotFound} both for an unknown serial number and for a token held
	 * by someone else; administrators get {@code tokenAlreadyAssigned} for the latter.
	 * @param actor who asks
	 * @param userId the user
	 * @param serialNumber the serial number, compared ignoring case and surrounding
	 * spaces
	 * @param verificationCode the code the token shows
	 * @param displayName a name for the token, or {@code null}
	 */
	public void assignAndActivateBySerialNumber(Actor actor, UUID userId, String serialNumber, String verificationCode,
			@Nullable String displayName) {
		this.rules.authorize(actor, userId);
		this.rules.requirePolicy(userId);
		HardwareOathToken token = this.inventory.findBySerialNumber(serialNumber)
			.orElseThrow(MethodException::serialNotFound);
		MethodRules.requireNotBlocked(token);
		if (token.assignedTo() != null && !userId.equals(token.assignedTo())) {
			throw actor.isSelf(userId) ? MethodException.serialNotFound() : MethodException.alreadyAssigned(token.id());
		}
		claim(actor, userId, token, verificationCode, displayName, MethodException::serialNotFound);
	}

	/**
	 * Give a user's token a new display name.
	 * @param actor who asks
	 * @param userId the user
	 * @param methodId the method (token) id
	 * @param displayName the new name, or {@code null} to clear it
	 */
	@Transactional
	public void rename(Actor actor, UUID userId, UUID methodId, @Nullable String displayName) {
		this.rules.authorize(actor, userId);
		this.rules.held(userId, methodId);
		this.inventory.change(methodId, (t) -> t.rename(displayName));
		this.events.publishEvent(new HardwareOathMethodRenamed(userId, methodId, actor));
	}

	/**
	 * Find a token's clock or counter again with two consecutive codes (RFC 4226 §7.4):
	 * TOTP anywhere within ±1 day of steps, HOTP up to 100 presses ahead. Users and
	 * administrators may; for users the lock applies and failures count.
	 * @param actor who asks
	 * @param userId the user
	 * @param methodId the method (token) id
	 * @param firstCode a code the token shows
	 * @param nextCode the code it shows next
	 */
	public void resync(Actor actor, UUID userId, UUID methodId, String firstCode, String nextCode) {
		this.rules.authorize(actor, userId);
		this.rules.held(userId, methodId);
		refuseUnlessAccepted(this.resyncs.resync(userId, methodId, typed(firstCode), typed(nextCode), actor));
	}

	/**
	 * Unlock a method and forget its failures. Administrators and applications only.
	 * @param actor who asks
	 * @param userId the user
	 * @param methodId the method (token) id
	 */
	@Transactional
	public void unlock(Actor actor, UUID userId, UUID methodId) {
		if (actor.kind() == Actor.Kind.SELF) {
			throw MethodException.adminOnly();
		}
		this.rules.authorize(actor, userId);
		this.rules.held(userId, methodId);
		MethodState state = this.states.lockForUpdate(userId, methodId);
		this.states.save(state.cleared());
		this.events.publishEvent(new MethodUnlocked(userId, methodId, actor));
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

	private void claim(Actor actor, UUID userId, HardwareOathToken token, String verificationCode,
			@Nullable String displayName, Supplier<MethodException> unavailable) {
		boolean held = userId.equals(token.assignedTo());
		if (!held) {
			this.rules.requireRoom(userId);
		}
		TypedCode code = typed(verificationCode);
		try {
			refuseUnlessAccepted(this.activation.activate(userId, token.id(), code, displayName, actor, !held));
		}
		catch (TokenStateException ex) {
			// someone else took the token in the meantime
			if (actor.isSelf(userId)) {
				throw unavailable.get();
			}
			throw ex;
		}
	}

	private static TypedCode typed(String verificationCode) {
		try {
			return TypedCode.parse(verificationCode);
		}
		catch (IllegalArgumentException ex) {
			throw MethodException.malformedCode();
		}
	}

	private static void refuseUnlessAccepted(CodeOutcome outcome) {
		if (!outcome.accepted()) {
			throw new CodeRefusedException(outcome);
		}
	}

	private HardwareOathMethod method(UUID userId, HardwareOathToken token, @Nullable MethodState state, Instant now) {
		return new HardwareOathMethod(userId, token, (state != null) ? state.registered() : null,
				(state != null) ? this.guard.view(state, now) : MethodLock.NONE);
	}

}
