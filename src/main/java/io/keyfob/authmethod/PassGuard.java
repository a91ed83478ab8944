package io.keyfob.authmethod;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.Reason;
import io.keyfob.authmethod.MethodEvents.TemporaryAccessPassPresented;
import io.keyfob.authmethod.jdbc.MethodState;
import io.keyfob.token.CheckableToken;
import io.keyfob.token.TokenCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
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
 * Every attempt, on every channel, publishes one {@link TemporaryAccessPassPresented} in
 * its transaction: the sign-in log entry is durable with the answer.
 */
@Service
public class PassGuard {

	private final UserRules users;

	private final TokenCodes codes;

	private final MethodGuard guard;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	PassGuard(UserRules users, TokenCodes codes, MethodGuard guard, Clock clock,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
		this.users = users;
		this.codes = codes;
		this.guard = guard;
		this.clock = clock;
		this.events = events;
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
	 * @param context where the pass came from, for the sign-in log
	 * @return the user and, unless accepted, the refusal
	 */
	public PassAttempt attempt(UserReference user, PassCheck check, VerificationContext context) {
		UUID userId = this.users.enabledUser(user).orElse(null);
		// an unknown name's key holds no pass: the same hash, the same work
		Match match = check.matches((userId != null) ? userId : CodeVerification.key(user));
		Match right = (userId != null) ? match : Match.WRONG;
		return Objects.requireNonNull(this.transactions.execute((status) -> {
			PassAttempt attempt = locked(user, userId, right, check);
			this.events.publishEvent(new TemporaryAccessPassPresented(userId,
					(user instanceof UserReference.ByPrincipalName byName) ? byName.userPrincipalName() : null,
					attempt.reason(), context));
			return attempt;
		}));
	}

	private PassAttempt locked(UserReference user, @Nullable UUID userId, Match match, PassCheck check) {
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
		if (match == Match.RIGHT && check.use(Objects.requireNonNull(userId))) {
			open.forEach(this.guard::succeed);
			return new PassAttempt(userId, null);
		}
		if (match != Match.WRONG) {
			// The user's own one-time pass, used up: by another attempt between the hash
			// and this lock (a double click, a retry, parallel sign-ins), or before.
			// Refused, but not counted as a wrong guess: counting it would lock out the
			// user who typed it right. The lockout is no weaker, as it is against
			// guessing, and only the one right pass goes uncounted, which opens nothing:
			// it is used up. Nothing is given away: the answer is the same "rejected" as
			// for a wrong pass, and only someone who already holds the pass could notice
			// the count stand still. Only the sign-in log says why.
			return new PassAttempt(userId,
					open.stream()
						.map((state) -> this.guard.rejected(state, Reason.REPLAYED))
						.min(Comparator.comparingInt(CodeOutcome.Rejected::attemptsLeft))
						.orElseThrow());
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
		 * Why the pass was refused, for the sign-in log only.
		 * @return {@code null} if accepted; {@link Reason#LOCKED} for a lock,
		 * {@link Reason#REPLAYED} for a one-time pass used a moment before, else
		 * {@link Reason#WRONG}
		 */
		@Nullable Reason reason() {
			if (accepted()) {
				return null;
			}
			return (this.refusal instanceof CodeOutcome.Rejected rejected) ? rejected.reason() : Reason.LOCKED;
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
	 * What a pass presented is to the user it was presented for.
	 */
	public enum Match {

		/** Not the user's pass, or the user's pass expired, not yet valid or disabled. */
		WRONG,

		/** The user's pass, usable now. */
		RIGHT,

		/** The user's one-time pass, already used up. */
		USED

	}

	/**
	 * The two steps of checking a pass, which the pass's module provides.
	 */
	public interface PassCheck {

		/**
		 * Whether the pass is the user's and usable now: the slow hash, run without a
		 * lock and changing nothing.
		 * @param userId the user (or a key that matches no user: the same work)
		 * @return whether it is the user's pass, and usable or used up
		 */
		Match matches(UUID userId);

		/**
		 * Use the pass, in the transaction that holds the user's lockout rows: a one-time
		 * pass by one conditional update.
		 * @param userId the user
		 * @return {@code false} if a one-time pass was used meanwhile (or the pass
		 * deleted or expired meanwhile)
		 */
		boolean use(UUID userId);

	}

}
