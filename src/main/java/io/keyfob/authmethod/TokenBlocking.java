package io.keyfob.authmethod;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import io.keyfob.authmethod.BlockEvents.HardwareOathTokenBlocked;
import io.keyfob.authmethod.BlockEvents.HardwareOathTokenUnblocked;
import io.keyfob.authmethod.jdbc.JdbcMethodStates;
import io.keyfob.token.BlockReason;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenBlock;
import io.keyfob.token.TokenInventory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lost, stolen, broken and retired tokens (a Keyfob extension; docs/design.md: a lost
 * token is blocked, never simply returned to {@code available}). Blocking takes the token
 * from its holder, method and lock state included, and keeps everybody from claiming,
 * assigning, activating or using it; unblocking puts it back into the inventory.
 * <p>
 * Which permission lets a caller block or unblock is decided at the edge (blocking: the
 * inventory or the holder's methods; unblocking: the inventory only). Here the target
 * rule applies: an administrator who is not privileged cannot block the token of a user
 * who holds an admin role, and a user may block only their own token.
 */
@Service
public class TokenBlocking {

	private final TokenInventory inventory;

	private final JdbcMethodStates states;

	private final UserRules users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TokenBlocking(TokenInventory inventory, JdbcMethodStates states, UserRules users, ApplicationEventPublisher events,
			Clock clock) {
		this.inventory = inventory;
		this.states = states;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Block a token, whoever holds it.
	 * @param actor who blocks it: an administrator or an application
	 * @param tokenId the token
	 * @param reason why
	 * @return the blocked token
	 * @throws MethodException {@code Authorization_RequestDenied} for a user, or for an
	 * administrator who may not act on the holder
	 * @throws io.keyfob.token.TokenStateException {@code tokenBlocked} if it is blocked
	 * already
	 */
	@Transactional
	public HardwareOathToken block(Actor actor, UUID tokenId, BlockReason reason) {
		if (actor.kind() == Actor.Kind.SELF) {
			throw MethodException.adminOnly();
		}
		HardwareOathToken token = this.inventory.get(tokenId);
		if (token.assignedTo() != null && actor.kind() == Actor.Kind.ADMINISTRATOR && !actor.privileged()
				&& !token.assignedTo().equals(actor.userId()) && this.users.holdsAdminRole(token.assignedTo())) {
			throw MethodException.accessDenied();
		}
		return blockToken(actor, token, reason);
	}

	/**
	 * A user reports their own token lost (My Security Info, "I lost this token"): their
	 * method is removed and the token blocked as {@link BlockReason#LOST}.
	 * @param actor the user, acting on themself
	 * @param methodId the method (token) id
	 * @return the blocked token
	 * @throws MethodException {@code tokenNotAssignedToUser} if the user does not hold it
	 */
	@Transactional
	public HardwareOathToken reportLost(Actor actor, UUID methodId) {
		UUID userId = Objects.requireNonNull(actor.userId(), "a user reports a token lost");
		HardwareOathToken token = this.inventory.find(methodId)
			.filter((t) -> userId.equals(t.assignedTo()))
			.orElseThrow(() -> MethodException.notAssignedToUser(methodId));
		return blockToken(actor, token, BlockReason.LOST);
	}

	/**
	 * Put a blocked token back into the inventory, available, once it is found.
	 * @param actor who unblocks it: an administrator or an application
	 * @param tokenId the token
	 * @return the available token
	 * @throws io.keyfob.token.TokenStateException {@code tokenNotBlocked} if it is not
	 * blocked
	 */
	@Transactional
	public HardwareOathToken unblock(Actor actor, UUID tokenId) {
		if (actor.kind() == Actor.Kind.SELF) {
			throw MethodException.adminOnly();
		}
		HardwareOathToken token = this.inventory.get(tokenId);
		HardwareOathToken unblocked = this.inventory.change(tokenId, HardwareOathToken::unblock);
		BlockReason reason = (token.block() != null) ? token.block().reason() : BlockReason.LOST;
		this.events.publishEvent(new HardwareOathTokenUnblocked(tokenId, token.serialNumber(), reason, actor));
		return unblocked;
	}

	private HardwareOathToken blockToken(Actor actor, HardwareOathToken token, BlockReason reason) {
		TokenBlock block = new TokenBlock(reason, actor.userId(), actor.clientId(), this.clock.instant());
		HardwareOathToken blocked = this.inventory.change(token.id(), (t) -> t.block(block));
		if (token.assignedTo() != null) {
			this.states.delete(token.assignedTo(), token.id());
		}
		this.events.publishEvent(
				new HardwareOathTokenBlocked(token.id(), token.serialNumber(), token.assignedTo(), reason, actor));
		return blocked;
	}

}
