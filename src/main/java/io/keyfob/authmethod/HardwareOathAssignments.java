package io.keyfob.authmethod;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.HardwareOathMethodAssigned;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodDeactivated;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodRenamed;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodUnassigned;
import io.keyfob.authmethod.MethodEvents.MethodUnlocked;
import io.keyfob.authmethod.jdbc.JdbcMethodStates;
import io.keyfob.authmethod.jdbc.MethodState;
import io.keyfob.policy.VerificationSettings;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenInventory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Giving users tokens and taking them back, without a code: assign, create-and-assign,
 * assign by serial number, rename, deactivate, unassign and unlock. Each runs in one
 * transaction and publishes one {@link MethodEvents} event per change; the rules are
 * those of {@link HardwareOathMethods}. Codes are {@link HardwareOathActivations}'.
 */
@Service
public class HardwareOathAssignments {

	private final TokenInventory inventory;

	private final JdbcMethodStates states;

	private final MethodRules rules;

	private final MethodGuard guard;

	private final ApplicationEventPublisher events;

	private final VerificationSettings settings;

	private final Clock clock;

	HardwareOathAssignments(TokenInventory inventory, JdbcMethodStates states, MethodRules rules, MethodGuard guard,
			ApplicationEventPublisher events, VerificationSettings settings, Clock clock) {
		this.inventory = inventory;
		this.states = states;
		this.rules = rules;
		this.guard = guard;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Assign an available token to a user (Graph: {@code POST hardwareOathMethods} with
	 * {@code device.id}). The token becomes {@code assigned}; the user or an admin
	 * activates it next.
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
		Instant now = this.clock.instant();
		return new HardwareOathMethod(userId, assigned, registered.registered(), this.guard.view(registered, now));
	}

	/**
	 * Create a token and assign it to a user, or do neither (Graph:
	 * {@code POST hardwareOathDevices} with {@code assignTo}): a refused assignment
	 * leaves no token behind.
	 * @param actor who asks
	 * @param userId the user
	 * @param token the new token
	 * @return the new method
	 */
	@Transactional
	public HardwareOathMethod createAndAssign(Actor actor, UUID userId, NewHardwareOathToken token) {
		return assign(actor, userId, this.inventory.create(token).id());
	}

	/**
	 * Assign the token with a serial number to a user and give it a display name, or do
	 * neither (the admin center's "give a token" without a code).
	 * @param actor who asks
	 * @param userId the user
	 * @param serialNumber the serial number printed on the token
	 * @param displayName a name for the token, or {@code null} to keep its name
	 * @return the new method
	 * @throws MethodException {@code serialNumberNotFound} for an unknown serial number,
	 * and as {@link #assign}
	 */
	@Transactional
	public HardwareOathMethod assignBySerialNumber(Actor actor, UUID userId, String serialNumber,
			@Nullable String displayName) {
		HardwareOathToken token = this.inventory.findBySerialNumber(serialNumber)
			.orElseThrow(MethodException::serialNotFound);
		HardwareOathMethod method = assign(actor, userId, token.id());
		if (displayName == null) {
			return method;
		}
		rename(actor, userId, token.id(), displayName);
		return new HardwareOathMethod(userId, this.inventory.get(token.id()), method.createdDateTime(), method.lock());
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

}
