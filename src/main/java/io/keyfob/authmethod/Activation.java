package io.keyfob.authmethod;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.ActivationFailed;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodActivated;
import io.keyfob.authmethod.MethodEvents.MethodLockedOut;
import io.keyfob.authmethod.MethodEvents.Reason;
import io.keyfob.authmethod.jdbc.MethodState;
import io.keyfob.policy.VerificationSettings;
import io.keyfob.policy.VerificationSettings.ActivationMode;
import io.keyfob.token.CheckWindow;
import io.keyfob.token.CheckableToken;
import io.keyfob.token.CodeCheck;
import io.keyfob.token.CodeMatch;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenCodes;
import io.keyfob.token.TokenInventory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves that a user holds a token with the code it shows, and activates it (assigning it
 * first for a claim). One transaction, one event per attempt; wrong codes count against
 * the method and, for a user's own claims, against all their claims together.
 */
@Component
class Activation {

	/**
	 * How long a first activation code found far from the expected clock waits for the
	 * next.
	 */
	static final Duration ADDITIONAL_CODE_TIMEOUT = Duration.ofMinutes(5);

	private final MethodGuard guard;

	private final TokenCodes codes;

	private final TokenInventory inventory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final VerificationSettings settings;

	Activation(MethodGuard guard, TokenCodes codes, TokenInventory inventory, ApplicationEventPublisher events,
			Clock clock, VerificationSettings settings) {
		this.guard = guard;
		this.codes = codes;
		this.inventory = inventory;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Check an activation code and, if right, activate the token.
	 * @param userId the user
	 * @param tokenId the token
	 * @param code the code
	 * @param displayName a new name, or {@code null}
	 * @param actor who asks
	 * @param claim whether to assign the token to the user too
	 * @return accepted, additional code required, rejected or locked
	 */
	@Transactional
	CodeOutcome activate(UUID userId, UUID tokenId, TypedCode code, @Nullable String displayName, Actor actor,
			boolean claim) {
		Instant now = this.clock.instant();
		MethodState claims = (claim && actor.kind() == Actor.Kind.SELF) ? this.guard.lock(userId, MethodGuard.CLAIMS)
				: null;
		MethodState state = this.guard.lock(userId, tokenId);
		CodeOutcome blocked = this.guard.blocked(state, now);
		if (blocked == null && claims != null) {
			blocked = this.guard.blocked(claims, now);
		}
		if (blocked != null) {
			this.events.publishEvent(new ActivationFailed(userId, tokenId, actor, Reason.LOCKED));
			return blocked;
		}
		CheckableToken token = this.codes.load(tokenId);
		Found found = find(state, token, code, now);
		if (found.kind() == Reason.ADDITIONAL_CODE_REQUIRED) {
			CodeMatch first = found.match();
			this.guard.save(state.withPending(first.driftSteps(), first.position(), now.plus(ADDITIONAL_CODE_TIMEOUT)));
			this.events.publishEvent(new ActivationFailed(userId, tokenId, actor, Reason.ADDITIONAL_CODE_REQUIRED));
			return new CodeOutcome.AdditionalCodeRequired();
		}
		if (found.match() != null) {
			this.guard.save(state.cleared().withRegistered((state.registered() != null) ? state.registered() : now));
			this.inventory.change(tokenId, (t) -> {
				HardwareOathToken activated = (claim ? t.assignTo(userId) : t).activate();
				return (displayName != null) ? activated.rename(displayName) : activated;
			});
			this.events.publishEvent(new HardwareOathMethodActivated(userId, tokenId, actor, claim));
			return new CodeOutcome.Accepted(tokenId);
		}
		failActivation(tokenId, claim);
		if (found.kind() == Reason.REPLAYED) {
			this.guard.save(state.withPending(null, null, null));
			this.events.publishEvent(new ActivationFailed(userId, tokenId, actor, Reason.REPLAYED));
			return this.guard.rejected(state, Reason.REPLAYED);
		}
		MethodGuard.Failure failure = this.guard.fail(state.withPending(null, null, null), code, now);
		if (claims != null) {
			this.guard.fail(claims, code, now);
		}
		publishFailure(failure, new ActivationFailed(userId, tokenId, actor, Reason.WRONG), this.events);
		return this.guard.outcome(failure, Reason.WRONG);
	}

	/**
	 * Publish a failure's one event: the lock it brought, or else the rejection.
	 * @param failure the failure
	 * @param rejection the event of a plain rejection
	 * @param events where to publish
	 */
	static void publishFailure(MethodGuard.Failure failure, Object rejection, ApplicationEventPublisher events) {
		MethodState failed = failure.state();
		events.publishEvent((failure.lock() != null) ? new MethodLockedOut(failed.userId(), failed.tokenId(),
				failed.failures(), SignInVerification.lockedUntil(failure.lock()), null) : rejection);
	}

	/**
	 * Where an activation code matches: {@code keyfob.activation.mode=entra} takes one
	 * code anywhere in the wide window; {@code strict} (the default) takes a code in the
	 * narrow window, and for one found only in the wide window asks for the next code at
	 * the same drift.
	 */
	private Found find(MethodState state, CheckableToken token, TypedCode typed, Instant now) {
		if (this.settings.activation().mode() == ActivationMode.ENTRA) {
			return Found.of(this.codes.check(token, typed.code(), CheckWindow.activation()));
		}
		if (state.pendingDrift() != null && state.pendingPosition() != null && state.pendingExpires() != null
				&& now.isBefore(state.pendingExpires())) {
			CodeMatch first = new CodeMatch(state.pendingPosition(), state.pendingDrift());
			CodeCheck next = this.codes.check(token, typed.code(),
					CheckWindow.following(token.token().otpType(), first));
			if (next.accepted()) {
				return (next.position() > first.position()) ? Found.of(next)
						: new Found(Reason.ADDITIONAL_CODE_REQUIRED, first);
			}
			if (next.outcome() == CodeCheck.Outcome.REPLAYED) {
				return new Found(Reason.REPLAYED, null);
			}
		}
		CodeCheck narrow = this.codes.check(token, typed.code(), CheckWindow.signIn());
		if (narrow.outcome() != CodeCheck.Outcome.REJECTED) {
			return Found.of(narrow);
		}
		Optional<CodeMatch> wide = this.codes.locate(token, typed.code(), CheckWindow.activation());
		return wide.map((match) -> new Found(Reason.ADDITIONAL_CODE_REQUIRED, match))
			.orElse(new Found(Reason.WRONG, null));
	}

	private void failActivation(UUID tokenId, boolean claim) {
		if (!claim) {
			this.inventory.change(tokenId, HardwareOathToken::failActivation);
		}
	}

	/**
	 * Where a code matched: accepted (a match and no reason), a match that needs the next
	 * code, a replay or nothing.
	 */
	private record Found(@Nullable Reason kind, @Nullable CodeMatch match) {

		static Found of(CodeCheck check) {
			return switch (check.outcome()) {
				case ACCEPTED -> new Found(null, new CodeMatch(check.position(), check.driftSteps()));
				case REPLAYED -> new Found(Reason.REPLAYED, null);
				case REJECTED -> new Found(Reason.WRONG, null);
			};
		}

	}

}
