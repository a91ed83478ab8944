package io.keyfob.authmethod;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.MethodLockedOut;
import io.keyfob.authmethod.MethodEvents.OtpRejected;
import io.keyfob.authmethod.MethodEvents.OtpVerified;
import io.keyfob.authmethod.MethodEvents.Reason;
import io.keyfob.authmethod.MethodEvents.SignInFailed;
import io.keyfob.authmethod.MethodEvents.SignInSucceeded;
import io.keyfob.authmethod.VerificationContext.Channel;
import io.keyfob.authmethod.jdbc.MethodState;
import io.keyfob.token.CheckWindow;
import io.keyfob.token.CheckableToken;
import io.keyfob.token.CodeCheck;
import io.keyfob.token.TokenCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Checks a sign-in code against a user's activated tokens, skipping locked ones, and
 * publishes exactly one event per attempt. Runs inside the caller's transaction
 * ({@link CodeVerification}).
 */
@Component
final class SignInVerification {

	private final MethodGuard guard;

	private final TokenCodes codes;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignInVerification(MethodGuard guard, TokenCodes codes, ApplicationEventPublisher events, Clock clock) {
		this.guard = guard;
		this.codes = codes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Check a code against a user's activated tokens.
	 * @param userId the user
	 * @param methods the user's activated tokens, ordered by id (the lock order), at
	 * least one
	 * @param code the code
	 * @param context where it came from
	 * @return the outcome
	 */
	CodeOutcome verify(UUID userId, List<CheckableToken> methods, TypedCode code, VerificationContext context) {
		Instant now = this.clock.instant();
		List<CheckableToken> open = new ArrayList<>();
		List<MethodState> states = new ArrayList<>();
		CodeOutcome earliest = null;
		for (CheckableToken method : methods) {
			MethodState state = this.guard.lock(userId, method.token().id());
			CodeOutcome blocked = this.guard.blocked(state, now);
			if (blocked == null) {
				open.add(method);
				states.add(state);
			}
			else {
				earliest = earlier(earliest, blocked);
			}
		}
		if (open.isEmpty()) {
			this.events.publishEvent(rejection(userId, methods.get(0).token().id(), Reason.LOCKED, context));
			return earliest;
		}
		MethodState replayed = null;
		boolean anyValid = false;
		for (int i = 0; i < open.size(); i++) {
			// outside its validity window a token accepts nothing; the attempt counts as
			// a wrong code, and only the sign-in log says why
			if (!open.get(i).token().validity().contains(now)) {
				continue;
			}
			anyValid = true;
			CodeCheck check = this.codes.check(open.get(i), code.code(), CheckWindow.signIn());
			if (check.accepted()) {
				this.guard.succeed(states.get(i));
				this.events.publishEvent(success(userId, states.get(i).tokenId(), context));
				return new CodeOutcome.Accepted(states.get(i).tokenId());
			}
			if (check.outcome() == CodeCheck.Outcome.REPLAYED) {
				replayed = states.get(i);
			}
		}
		if (replayed != null) {
			this.events.publishEvent(rejection(userId, replayed.tokenId(), Reason.REPLAYED, context));
			return this.guard.rejected(replayed, Reason.REPLAYED);
		}
		return countWrong(userId, states, code, context, now, anyValid ? Reason.WRONG : Reason.EXPIRED);
	}

	/**
	 * Refuse a code for a user with no usable method, or for a name that matches nobody,
	 * with the same throttle and lock as a wrong code for a token: the row under
	 * {@link MethodGuard#NO_METHOD} counts.
	 * @param userId the user, or {@code null} if there is none
	 * @param key the user's id, or one derived from the name given
	 * @param code the code
	 * @param context where it came from
	 * @return rejected or locked, never accepted
	 */
	CodeOutcome refuse(@Nullable UUID userId, UUID key, TypedCode code, VerificationContext context) {
		Instant now = this.clock.instant();
		MethodState state = this.guard.lock(key, MethodGuard.NO_METHOD);
		CodeOutcome blocked = this.guard.blocked(state, now);
		if (blocked == null) {
			blocked = this.guard.outcome(this.guard.fail(state, code, now), Reason.NO_METHOD);
		}
		this.events.publishEvent(rejection(userId, null, Reason.NO_METHOD, context));
		return blocked;
	}

	/**
	 * Refuse a malformed code without counting it.
	 * @param userId the user, or {@code null}
	 * @param context where it came from
	 * @return rejected
	 */
	CodeOutcome malformed(@Nullable UUID userId, VerificationContext context) {
		this.events.publishEvent(rejection(userId, null, Reason.WRONG, context));
		return this.guard.uncounted(Reason.WRONG);
	}

	private CodeOutcome countWrong(UUID userId, List<MethodState> open, TypedCode code, VerificationContext context,
			Instant now, Reason reason) {
		CodeOutcome answer = null;
		CodeOutcome lock = null;
		for (MethodState state : open) {
			MethodGuard.Failure failure = this.guard.fail(state, code, now);
			CodeOutcome outcome = this.guard.outcome(failure, reason);
			if (failure.lock() != null) {
				this.events.publishEvent(new MethodLockedOut(userId, state.tokenId(), failure.state().failures(),
						lockedUntil(failure.lock()), context));
				lock = failure.lock();
			}
			else if (answer == null || ((CodeOutcome.Rejected) outcome).attemptsLeft() < ((CodeOutcome.Rejected) answer)
				.attemptsLeft()) {
				answer = outcome;
			}
		}
		if (lock != null) {
			return lock;
		}
		this.events.publishEvent(rejection(userId, open.get(0).tokenId(), reason, context));
		return answer;
	}

	static @Nullable Instant lockedUntil(CodeOutcome lock) {
		return (lock instanceof CodeOutcome.Locked locked) ? locked.until() : null;
	}

	/** Of two blocks, the one that ends first; a timed lock ends before an admin's. */
	private static CodeOutcome earlier(@Nullable CodeOutcome current, CodeOutcome other) {
		if (current == null) {
			return other;
		}
		Instant a = lockedUntil(current);
		Instant b = lockedUntil(other);
		if (a == null) {
			return other;
		}
		return (b != null && b.isBefore(a)) ? other : current;
	}

	private static Object success(UUID userId, UUID tokenId, VerificationContext context) {
		return (context.channel() == Channel.SIGN_IN) ? new SignInSucceeded(userId, tokenId, context)
				: new OtpVerified(userId, tokenId, context);
	}

	static Object rejection(@Nullable UUID userId, @Nullable UUID tokenId, Reason reason, VerificationContext context) {
		return (context.channel() == Channel.SIGN_IN && userId != null)
				? new SignInFailed(userId, tokenId, reason, context)
				: new OtpRejected(userId, tokenId, reason, context);
	}

}
