package io.keyfob.authmethod;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.Reason;
import io.keyfob.authmethod.jdbc.JdbcMethodStates;
import io.keyfob.authmethod.jdbc.MethodState;
import io.keyfob.policy.VerificationSettings;
import io.keyfob.shared.secret.SealedSecret;
import io.keyfob.shared.secret.SecretSealer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What sign-in, activation and resynchronisation share against guessing: the row lock on
 * a method's state (attempts on one method are judged one after another on every node),
 * the {@link Lockout} rules and the memory of the last wrong code (the same typo counts
 * once). Callers run in a transaction; the guard never publishes events.
 */
@Component
final class MethodGuard {

	/**
	 * The key under which a user's failed claims of tokens they do not hold are counted
	 * together, whatever the token: guessing codes for many tokens of the inventory meets
	 * the same throttle and lock as guessing for one. A success does not clear it.
	 */
	static final UUID CLAIMS = new UUID(0, 0);

	/**
	 * The key under which codes for a user without a usable method, or for a name that
	 * matches nobody, are counted: they meet the same throttle and lock as a user's
	 * token, so answers do not tell who holds one.
	 */
	static final UUID NO_METHOD = new UUID(0, 1);

	private final JdbcMethodStates states;

	private final SecretSealer sealer;

	private final Lockout lockout;

	private final int lockAfter;

	MethodGuard(JdbcMethodStates states, SecretSealer sealer, VerificationSettings settings) {
		this.states = states;
		this.sealer = sealer;
		this.lockout = new Lockout(settings.lockout());
		this.lockAfter = settings.lockout().lockAfter();
	}

	/**
	 * Lock a method's state row until the transaction ends.
	 * @param userId the user
	 * @param tokenId the token, {@link #CLAIMS} or {@link #NO_METHOD}
	 * @return the state
	 */
	MethodState lock(UUID userId, UUID tokenId) {
		return this.states.lockForUpdate(userId, tokenId);
	}

	/**
	 * Whether a locked row takes a code now.
	 * @param state the state
	 * @param now the time
	 * @return the lock or throttle, or {@code null} if the code may be checked
	 */
	@Nullable CodeOutcome blocked(MethodState state, Instant now) {
		return this.lockout.blocked(state, now);
	}

	/**
	 * A right code: forget failures, lock and anything pending.
	 * @param state the state as locked
	 * @return the state as saved
	 */
	MethodState succeed(MethodState state) {
		MethodState cleared = state.cleared();
		if (!cleared.equals(state)) {
			this.states.save(cleared);
		}
		return cleared;
	}

	void save(MethodState state) {
		this.states.save(state);
	}

	/**
	 * Count a wrong code, unless it is the same wrong code as last time; lock the method
	 * when the count calls for it.
	 * @param state the state as locked
	 * @param code the wrong code
	 * @param now the time
	 * @return the failure as saved
	 */
	Failure fail(MethodState state, TypedCode code, Instant now) {
		if (isLastWrongCode(state, code)) {
			this.states.save(state);
			return new Failure(state, null);
		}
		byte[] digits = code.digits().getBytes(StandardCharsets.US_ASCII);
		SealedSecret sealed = this.sealer.seal(digits, wrongCodeContext(state));
		Arrays.fill(digits, (byte) 0);
		return count(state, now, sealed);
	}

	/**
	 * Count a wrong Temporary Access Pass like a wrong code, without remembering it: a
	 * pass is not a code, and a repeated wrong pass counts each time.
	 * @param state the state as locked
	 * @param now the time
	 * @return the failure as saved
	 */
	Failure failPass(MethodState state, Instant now) {
		return count(state, now, state.lastWrongCode());
	}

	/**
	 * Count one more failure, remembering a wrong code, and lock when the count calls for
	 * it.
	 */
	private Failure count(MethodState state, Instant now, @Nullable SealedSecret lastWrongCode) {
		int failures = state.failures() + 1;
		CodeOutcome lock = this.lockout.lockAfter(failures, now);
		Instant until = (lock instanceof CodeOutcome.Locked locked) ? locked.until() : state.lockedUntil();
		MethodState failed = state.withFailure(failures, now, until, lastWrongCode);
		this.states.save(failed);
		return new Failure(failed, lock);
	}

	/**
	 * The answer to a failure: the lock it brought, or a rejection with the attempts
	 * left.
	 * @param failure the failure
	 * @param reason why, for the sign-in log
	 * @return the outcome
	 */
	CodeOutcome outcome(Failure failure, Reason reason) {
		return (failure.lock() != null) ? failure.lock() : rejected(failure.state(), reason);
	}

	/**
	 * A rejection that counts nothing.
	 * @param state the state
	 * @param reason why, for the sign-in log
	 * @return the rejection with the attempts left
	 */
	CodeOutcome.Rejected rejected(MethodState state, Reason reason) {
		return new CodeOutcome.Rejected(this.lockout.attemptsBeforeLock(state.failures()), reason,
				this.lockout.throttles(state.failures()));
	}

	/**
	 * A rejection of a code that was not looked at (malformed): all attempts left.
	 * @param reason why, for the sign-in log
	 * @return the rejection
	 */
	CodeOutcome.Rejected uncounted(Reason reason) {
		return new CodeOutcome.Rejected(this.lockAfter, reason);
	}

	MethodLock view(MethodState state, Instant now) {
		return this.lockout.view(state, now);
	}

	private boolean isLastWrongCode(MethodState state, TypedCode code) {
		SealedSecret last = state.lastWrongCode();
		if (last == null) {
			return false;
		}
		byte[] digits = this.sealer.open(last, wrongCodeContext(state));
		try {
			return code.code().matches(new String(digits, StandardCharsets.US_ASCII));
		}
		finally {
			Arrays.fill(digits, (byte) 0);
		}
	}

	private static String wrongCodeContext(MethodState state) {
		return "wrong-code:" + state.userId() + ":" + state.tokenId();
	}

	/**
	 * A counted (or repeated) wrong code.
	 *
	 * @param state the state as saved
	 * @param lock the lock this very failure brought, or {@code null}
	 */
	record Failure(MethodState state, @Nullable CodeOutcome lock) {
	}

}
