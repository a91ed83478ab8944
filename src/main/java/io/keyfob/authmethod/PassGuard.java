package io.keyfob.authmethod;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

import io.keyfob.authmethod.MethodEvents.Reason;
import io.keyfob.authmethod.jdbc.MethodState;
import io.keyfob.token.CheckableToken;
import io.keyfob.token.TokenCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a Temporary Access Pass under the same lockout as a code: the rows that a wrong
 * code counts on (each of the user's activated tokens, or the user's
 * {@link MethodGuard#NO_METHOD} row when they have none, or the row of the name typed
 * when it matches nobody) are locked, a locked row refuses the pass unchecked, and a
 * wrong pass counts on every open row. So guessing passes and guessing codes meet one
 * throttle and one lock, and the answers do not tell who exists or who holds a pass.
 */
@Service
public class PassGuard {

	private final UserRules users;

	private final TokenCodes codes;

	private final MethodGuard guard;

	private final Clock clock;

	PassGuard(UserRules users, TokenCodes codes, MethodGuard guard, Clock clock) {
		this.users = users;
		this.codes = codes;
		this.guard = guard;
		this.clock = clock;
	}

	/**
	 * Check a pass under the lockout, in one transaction with the check: the check (which
	 * uses up a one-time pass) commits or rolls back with the count.
	 * @param user the user, by sign-in name or id
	 * @param check whether the pass is right for the user with this id (called only for
	 * an enabled user whose rows are not locked)
	 * @return the user and, unless accepted, the refusal
	 */
	@Transactional
	public PassAttempt attempt(UserReference user, Predicate<UUID> check) {
		Instant now = this.clock.instant();
		UUID userId = this.users.enabledUser(user).orElse(null);
		List<MethodState> open = new ArrayList<>();
		CodeOutcome blocked = null;
		for (MethodState state : rows(user, userId)) {
			CodeOutcome refused = this.guard.blocked(state, now);
			if (refused == null) {
				open.add(state);
			}
			else if (blocked == null) {
				blocked = refused;
			}
		}
		if (open.isEmpty()) {
			return new PassAttempt(userId, blocked);
		}
		if (userId != null && check.test(userId)) {
			open.forEach(this.guard::succeed);
			return new PassAttempt(userId, null);
		}
		CodeOutcome answer = null;
		for (MethodState state : open) {
			MethodGuard.Failure failure = this.guard.failPass(state, now);
			CodeOutcome outcome = this.guard.outcome(failure, Reason.WRONG);
			if (answer == null || !(outcome instanceof CodeOutcome.Rejected)) {
				answer = outcome;
			}
		}
		return new PassAttempt(userId, answer);
	}

	private List<MethodState> rows(UserReference user, @Nullable UUID userId) {
		List<CheckableToken> tokens = (userId != null && this.users.isMethodEnabledFor(userId))
				? this.codes.activatedFor(userId) : List.of();
		if (tokens.isEmpty()) {
			UUID key = (userId != null) ? userId : CodeVerification.key(user);
			return List.of(this.guard.lock(key, MethodGuard.NO_METHOD));
		}
		return tokens.stream().map((t) -> this.guard.lock(userId, t.token().id())).toList();
	}

	/**
	 * What became of a pass.
	 *
	 * @param userId the enabled user the name matched, or {@code null}
	 * @param refusal {@code null} if the pass was accepted, else the rejection or the
	 * lock (never to be told apart by the user beyond "wrong" and "wait")
	 */
	public record PassAttempt(@Nullable UUID userId, @Nullable CodeOutcome refusal) {

		public boolean accepted() {
			return this.refusal == null && this.userId != null;
		}

		/**
		 * The attempt as the verify API and RADIUS answer a code.
		 * @return the refusal, or {@link CodeOutcome.Accepted} with the user's id (a pass
		 * is not a token's)
		 */
		public CodeOutcome outcome() {
			if (this.refusal != null) {
				return this.refusal;
			}
			return new CodeOutcome.Accepted(Objects.requireNonNull(this.userId));
		}

	}

}
