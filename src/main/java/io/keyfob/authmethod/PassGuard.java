package io.keyfob.authmethod;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.Reason;
import io.keyfob.authmethod.jdbc.MethodState;
import io.keyfob.token.CheckableToken;
import io.keyfob.token.TokenCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final TransactionTemplate transactions;

	PassGuard(UserRules users, TokenCodes codes, MethodGuard guard, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.users = users;
		this.codes = codes;
		this.guard = guard;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Check a pass under the lockout. The slow part (the hash) runs first, without a
	 * lock, so parallel attempts do not queue behind it; then, with the user's rows
	 * locked, a lock refuses the pass whatever it was, a right pass is used (a one-time
	 * pass by one conditional update, in the transaction of the count), and a wrong one
	 * counts.
	 * @param user the user, by sign-in name or id
	 * @param check the pass's two steps
	 * @return the user and, unless accepted, the refusal
	 */
	public PassAttempt attempt(UserReference user, PassCheck check) {
		UUID userId = this.users.enabledUser(user).orElse(null);
		// an unknown name's key holds no pass: the same hash, the same work
		boolean right = check.matches((userId != null) ? userId : CodeVerification.key(user)) && userId != null;
		return Objects.requireNonNull(this.transactions.execute((status) -> locked(user, userId, right, check)));
	}

	private PassAttempt locked(UserReference user, @Nullable UUID userId, boolean right, PassCheck check) {
		Instant now = this.clock.instant();
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
		if (right && check.use(Objects.requireNonNull(userId))) {
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

	/**
	 * The Temporary Access Passes, which the pass's module provides: where the pass
	 * policy allows it, the verify API and RADIUS take a pass in place of a code.
	 */
	public interface Passes {

		/**
		 * Whether the verify API and RADIUS may accept a pass in place of a code.
		 * @return the pass policy's {@code usableForVerify}
		 */
		boolean usableForVerify();

		/**
		 * A pass as typed, to check under the lockout.
		 * @param presented the pass as typed
		 * @return its check
		 */
		PassCheck check(String presented);

	}

	/**
	 * The two steps of checking a pass, which the pass's module provides.
	 */
	public interface PassCheck {

		/**
		 * Whether the pass is the user's and usable now: the slow hash, run without a
		 * lock and changing nothing.
		 * @param userId the user (or a key that matches no user: the same work)
		 * @return whether it matches
		 */
		boolean matches(UUID userId);

		/**
		 * Use the pass, in the transaction that holds the user's lockout rows: a one-time
		 * pass by one conditional update.
		 * @param userId the user
		 * @return {@code false} if a one-time pass was used meanwhile
		 */
		boolean use(UUID userId);

	}

}
