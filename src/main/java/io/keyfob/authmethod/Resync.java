package io.keyfob.authmethod;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.Reason;
import io.keyfob.authmethod.MethodEvents.ResyncFailed;
import io.keyfob.authmethod.MethodEvents.TokenResynchronised;
import io.keyfob.authmethod.jdbc.MethodState;
import io.keyfob.token.CodeCheck;
import io.keyfob.token.TokenCodes;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds a token's clock or counter again from two consecutive codes. Users are held to
 * the lock and their failures count; administrators are not. One transaction, one event.
 */
@Component
class Resync {

	private final MethodGuard guard;

	private final TokenCodes codes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Resync(MethodGuard guard, TokenCodes codes, ApplicationEventPublisher events, Clock clock) {
		this.guard = guard;
		this.codes = codes;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	CodeOutcome resync(UUID userId, UUID tokenId, TypedCode first, TypedCode second, Actor actor) {
		Instant now = this.clock.instant();
		MethodState state = this.guard.lock(userId, tokenId);
		boolean administrator = actor.kind() != Actor.Kind.SELF;
		CodeOutcome blocked = this.guard.blocked(state, now);
		if (!administrator && blocked != null) {
			this.events.publishEvent(new ResyncFailed(userId, tokenId, actor, Reason.LOCKED));
			return blocked;
		}
		CodeCheck check = this.codes.resync(this.codes.load(tokenId), first.code(), second.code());
		if (check.accepted()) {
			this.guard.succeed(state);
			this.events.publishEvent(new TokenResynchronised(userId, tokenId, actor, check.driftSteps()));
			return new CodeOutcome.Accepted(tokenId);
		}
		Reason reason = (check.outcome() == CodeCheck.Outcome.REPLAYED) ? Reason.REPLAYED : Reason.WRONG;
		if (administrator || reason == Reason.REPLAYED) {
			this.events.publishEvent(new ResyncFailed(userId, tokenId, actor, reason));
			return this.guard.rejected(state, reason);
		}
		MethodGuard.Failure failure = this.guard.fail(state, first, now);
		Activation.publishFailure(failure, new ResyncFailed(userId, tokenId, actor, reason), this.events);
		return this.guard.outcome(failure, reason);
	}

}
