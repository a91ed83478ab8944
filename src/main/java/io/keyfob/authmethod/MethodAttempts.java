package io.keyfob.authmethod;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.ActivationFailed;
import io.keyfob.authmethod.MethodEvents.HardwareOathMethodActivated;
import io.keyfob.authmethod.MethodEvents.MethodLockedOut;
import io.keyfob.authmethod.MethodEvents.OtpRejected;
import io.keyfob.authmethod.MethodEvents.OtpVerified;
import io.keyfob.authmethod.MethodEvents.Reason;
import io.keyfob.authmethod.MethodEvents.ResyncFailed;
import io.keyfob.authmethod.MethodEvents.SignInFailed;
import io.keyfob.authmethod.MethodEvents.SignInSucceeded;
import io.keyfob.authmethod.MethodEvents.TokenResynchronised;
import io.keyfob.authmethod.VerificationContext.Channel;
import io.keyfob.authmethod.jdbc.JdbcMethodStates;
import io.keyfob.authmethod.jdbc.MethodState;
import io.keyfob.otp.OtpCode;
import io.keyfob.policy.VerificationSettings;
import io.keyfob.policy.VerificationSettings.ActivationMode;
import io.keyfob.shared.secret.SealedSecret;
import io.keyfob.shared.secret.SecretSealer;
import io.keyfob.token.CheckWindow;
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
 * Code attempts against a user's tokens: activation, sign-in and resynchronisation. Each
 * attempt is one transaction that first locks the user's method state rows, so attempts
 * on one method are judged one after another on every node; it checks the code, counts
 * the failure or clears the count, and publishes exactly one event. Wrong codes are
 * answers, not exceptions, so what was counted is committed.
 */
@Component
class MethodAttempts {

	/**
	 * How long a first activation code found far from the expected clock waits for the
	 * next.
	 */
	static final Duration ADDITIONAL_CODE_TIMEOUT = Duration.ofMinutes(5);

	/**
	 * The key under which a user's failed claims of tokens they do not hold are counted
	 * together, whatever the token: guessing codes for many tokens of the inventory meets
	 * the same throttle and lock as guessing for one. A success does not clear it.
	 */
	static final UUID CLAIMS = new UUID(0, 0);

	private final JdbcMethodStates states;

	private final TokenCodes codes;

	private final TokenInventory inventory;

	private final SecretSealer sealer;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final VerificationSettings settings;

	private final Lockout lockout;

	MethodAttempts(JdbcMethodStates states, TokenCodes codes, TokenInventory inventory, SecretSealer sealer,
			ApplicationEventPublisher events, Clock clock, VerificationSettings settings) {
		this.states = states;
		this.codes = codes;
		this.inventory = inventory;
		this.sealer = sealer;
		this.events = events;
		this.clock = clock;
		this.settings = settings;
		this.lockout = new Lockout(settings.lockout());
	}

	/**
	 * Check an activation code and, if right, activate the token (assigning it first when
	 * {@code claim}).
	 */
	@Transactional
	Attempt activate(UUID userId, HardwareOathToken token, TypedCode code, @Nullable String displayName, Actor actor,
			boolean claim) {
		Instant now = this.clock.instant();
		MethodState claims = (claim && actor.kind() == Actor.Kind.SELF) ? this.states.lockForUpdate(userId, CLAIMS)
				: null;
		MethodState state = this.states.lockForUpdate(userId, token.id());
		Instant blocked = this.lockout.blockedUntil(state, now);
		if (blocked == null && claims != null) {
			blocked = this.lockout.blockedUntil(claims, now);
		}
		if (blocked != null) {
			this.events.publishEvent(new ActivationFailed(userId, token.id(), actor, Reason.LOCKED));
			return Attempt.locked(blocked);
		}
		Found found = findActivationCode(state, token, code.code(), now);
		switch (found.kind()) {
			case ACCEPTED -> {
				this.states.save(state.cleared().withRegistered(registeredAt(state, now)));
				this.inventory.change(token.id(), (t) -> {
					HardwareOathToken held = claim ? t.assignTo(userId) : t;
					HardwareOathToken activated = held.activate();
					return (displayName != null) ? activated.rename(displayName) : activated;
				});
				this.events.publishEvent(new HardwareOathMethodActivated(userId, token.id(), actor, claim));
				return Attempt.ACCEPTED;
			}
			case ADDITIONAL_CODE_REQUIRED -> {
				CodeMatch first = found.match();
				this.states
					.save(state.withPending(first.driftSteps(), first.position(), now.plus(ADDITIONAL_CODE_TIMEOUT)));
				this.events
					.publishEvent(new ActivationFailed(userId, token.id(), actor, Reason.ADDITIONAL_CODE_REQUIRED));
				return Attempt.ADDITIONAL_CODE_REQUIRED;
			}
			case REPLAYED -> {
				this.states.save(state.withPending(null, null, null));
				failActivation(token, claim);
				this.events.publishEvent(new ActivationFailed(userId, token.id(), actor, Reason.REPLAYED));
				return Attempt.rejected(this.lockout.attemptsBeforeLock(state.failures()));
			}
			default -> {
				MethodState failed = countFailure(state.withPending(null, null, null), code, now);
				if (claims != null) {
					countFailure(claims, code, now);
				}
				failActivation(token, claim);
				return publishFailure(state, failed, new ActivationFailed(userId, token.id(), actor, Reason.WRONG));
			}
		}
	}

	/**
	 * Check a sign-in code against a user's activated tokens, skipping locked ones.
	 */
	@Transactional
	Verification verify(UUID userId, List<HardwareOathToken> methods, TypedCode code, VerificationContext context) {
		Instant now = this.clock.instant();
		List<MethodState> open = new ArrayList<>();
		Instant earliestRetry = null;
		for (HardwareOathToken method : methods.stream().sorted(Comparator.comparing(HardwareOathToken::id)).toList()) {
			MethodState state = this.states.lockForUpdate(userId, method.id());
			Instant blocked = this.lockout.blockedUntil(state, now);
			if (blocked == null) {
				open.add(state);
			}
			else if (earliestRetry == null || blocked.isBefore(earliestRetry)) {
				earliestRetry = blocked;
			}
		}
		if (open.isEmpty()) {
			this.events.publishEvent(rejection(userId, methods.get(0).id(), Reason.LOCKED, context));
			return Verification.locked(earliestRetry);
		}
		MethodState replayed = null;
		for (MethodState state : open) {
			CodeCheck check = this.codes.check(state.tokenId(), code.code(), CheckWindow.signIn());
			if (check.accepted()) {
				this.states.save(state.cleared());
				this.events.publishEvent(success(userId, state.tokenId(), context));
				return Verification.accepted(state.tokenId());
			}
			if (check.outcome() == CodeCheck.Outcome.REPLAYED) {
				replayed = state;
			}
		}
		if (replayed != null) {
			this.events.publishEvent(rejection(userId, replayed.tokenId(), Reason.REPLAYED, context));
			return Verification.rejected(this.lockout.attemptsBeforeLock(replayed.failures()));
		}
		return countWrongSignIn(userId, open, code, context, now);
	}

	/**
	 * Record an attempt that cannot succeed (no usable method, a malformed code) without
	 * counting it.
	 */
	@Transactional
	Verification reject(@Nullable UUID userId, Reason reason, VerificationContext context) {
		this.events.publishEvent(rejection(userId, null, reason, context));
		return Verification.rejected(this.settings.lockout().lockAfter());
	}

	/**
	 * Find a token's clock or counter again from two consecutive codes. Users are held to
	 * the lock and their failures count; administrators are not.
	 */
	@Transactional
	Attempt resync(UUID userId, UUID tokenId, TypedCode first, TypedCode second, Actor actor) {
		Instant now = this.clock.instant();
		MethodState state = this.states.lockForUpdate(userId, tokenId);
		boolean administrator = actor.kind() != Actor.Kind.SELF;
		Instant blocked = this.lockout.blockedUntil(state, now);
		if (!administrator && blocked != null) {
			this.events.publishEvent(new ResyncFailed(userId, tokenId, actor, Reason.LOCKED));
			return Attempt.locked(blocked);
		}
		CodeCheck check = this.codes.resync(tokenId, first.code(), second.code());
		if (check.accepted()) {
			this.states.save(state.cleared());
			this.events.publishEvent(new TokenResynchronised(userId, tokenId, actor, check.driftSteps()));
			return Attempt.ACCEPTED;
		}
		Reason reason = (check.outcome() == CodeCheck.Outcome.REPLAYED) ? Reason.REPLAYED : Reason.WRONG;
		if (administrator || reason == Reason.REPLAYED) {
			this.events.publishEvent(new ResyncFailed(userId, tokenId, actor, reason));
			return Attempt.rejected(this.lockout.attemptsBeforeLock(state.failures()));
		}
		MethodState failed = countFailure(state, first, now);
		return publishFailure(state, failed, new ResyncFailed(userId, tokenId, actor, reason));
	}

	/**
	 * Where an activation code matches: {@code keyfob.activation.mode=entra} takes one
	 * code anywhere in the wide window; {@code strict} (the default) takes a code in the
	 * narrow window, and for one found only in the wide window asks for the next code at
	 * the same drift.
	 */
	private Found findActivationCode(MethodState state, HardwareOathToken token, OtpCode code, Instant now) {
		if (this.settings.activation().mode() == ActivationMode.ENTRA) {
			return Found.of(this.codes.check(token.id(), code, CheckWindow.activation()));
		}
		if (state.pendingDrift() != null && state.pendingPosition() != null && state.pendingExpires() != null
				&& now.isBefore(state.pendingExpires())) {
			CodeMatch first = new CodeMatch(state.pendingPosition(), state.pendingDrift());
			CodeCheck next = this.codes.check(token.id(), code, CheckWindow.following(token.otpType(), first));
			if (next.accepted()) {
				return (next.position() > first.position()) ? Found.ACCEPTED
						: new Found(Kind.ADDITIONAL_CODE_REQUIRED, first);
			}
			if (next.outcome() == CodeCheck.Outcome.REPLAYED) {
				return Found.REPLAYED;
			}
		}
		CodeCheck narrow = this.codes.check(token.id(), code, CheckWindow.signIn());
		if (narrow.outcome() != CodeCheck.Outcome.REJECTED) {
			return Found.of(narrow);
		}
		Optional<CodeMatch> wide = this.codes.locate(token.id(), code, CheckWindow.activation());
		return wide.map((match) -> new Found(Kind.ADDITIONAL_CODE_REQUIRED, match)).orElse(Found.WRONG);
	}

	private Verification countWrongSignIn(UUID userId, List<MethodState> open, TypedCode code,
			VerificationContext context, Instant now) {
		int attemptsLeft = this.settings.lockout().lockAfter();
		Instant lockedUntil = null;
		for (MethodState state : open) {
			MethodState failed = countFailure(state, code, now);
			attemptsLeft = Math.min(attemptsLeft, this.lockout.attemptsBeforeLock(failed.failures()));
			if (lockedNow(state, failed)) {
				this.events.publishEvent(
						new MethodLockedOut(userId, state.tokenId(), failed.failures(), failed.lockedUntil(), context));
				lockedUntil = failed.lockedUntil();
			}
		}
		if (lockedUntil != null) {
			return Verification.locked(lockedUntil);
		}
		this.events.publishEvent(rejection(userId, open.get(0).tokenId(), Reason.WRONG, context));
		return Verification.rejected(attemptsLeft);
	}

	/**
	 * Count a wrong code, unless it is the same wrong code as last time; lock the method
	 * when the count calls for it.
	 * @return the state as saved
	 */
	private MethodState countFailure(MethodState state, TypedCode code, Instant now) {
		if (isLastWrongCode(state, code)) {
			this.states.save(state);
			return state;
		}
		int failures = state.failures() + 1;
		Instant lock = this.lockout.lockAfter(failures, now);
		byte[] digits = code.digits().getBytes(StandardCharsets.US_ASCII);
		SealedSecret sealed = this.sealer.seal(digits, wrongCodeContext(state));
		Arrays.fill(digits, (byte) 0);
		MethodState failed = state.withFailure(failures, now, (lock != null) ? lock : state.lockedUntil(), sealed);
		this.states.save(failed);
		return failed;
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

	private Attempt publishFailure(MethodState before, MethodState failed, Object rejection) {
		if (lockedNow(before, failed)) {
			this.events.publishEvent(new MethodLockedOut(failed.userId(), failed.tokenId(), failed.failures(),
					failed.lockedUntil(), null));
			return Attempt.locked(failed.lockedUntil());
		}
		this.events.publishEvent(rejection);
		return Attempt.rejected(this.lockout.attemptsBeforeLock(failed.failures()));
	}

	/** Whether this failure was counted and brought a new lock. */
	private boolean lockedNow(MethodState before, MethodState after) {
		return after.failures() > before.failures() && after.lastFailure() != null
				&& this.lockout.lockAfter(after.failures(), after.lastFailure()) != null;
	}

	private void failActivation(HardwareOathToken token, boolean claim) {
		if (!claim) {
			this.inventory.change(token.id(), HardwareOathToken::failActivation);
		}
	}

	private static Instant registeredAt(MethodState state, Instant now) {
		return (state.registered() != null) ? state.registered() : now;
	}

	private static String wrongCodeContext(MethodState state) {
		return "wrong-code:" + state.userId() + ":" + state.tokenId();
	}

	private static Object success(UUID userId, UUID tokenId, VerificationContext context) {
		return (context.channel() == Channel.SIGN_IN) ? new SignInSucceeded(userId, tokenId, context)
				: new OtpVerified(userId, tokenId, context);
	}

	private static Object rejection(@Nullable UUID userId, @Nullable UUID tokenId, Reason reason,
			VerificationContext context) {
		return (context.channel() == Channel.SIGN_IN && userId != null)
				? new SignInFailed(userId, tokenId, reason, context)
				: new OtpRejected(userId, tokenId, reason, context);
	}

	/**
	 * A code as typed, parsed, with its digits kept for the "same wrong code" rule.
	 *
	 * @param code the parsed code
	 * @param digits its digits, without spaces
	 */
	record TypedCode(OtpCode code, String digits) {

		static TypedCode parse(String text) {
			OtpCode code = OtpCode.parse(text);
			return new TypedCode(code, text.strip().replace(" ", ""));
		}

		@Override
		public String toString() {
			return this.code.toString();
		}

	}

	/** What an activation or resync attempt came to. */
	enum Kind {

		ACCEPTED, WRONG, REPLAYED, LOCKED, ADDITIONAL_CODE_REQUIRED

	}

	/**
	 * The result of an activation or resync attempt.
	 *
	 * @param kind what happened
	 * @param retryAt for a lock: until when
	 * @param attemptsLeft for a wrong code: how many more before the next lock
	 */
	record Attempt(Kind kind, @Nullable Instant retryAt, int attemptsLeft) {

		static final Attempt ACCEPTED = new Attempt(Kind.ACCEPTED, null, 0);

		static final Attempt ADDITIONAL_CODE_REQUIRED = new Attempt(Kind.ADDITIONAL_CODE_REQUIRED, null, 0);

		static Attempt locked(Instant retryAt) {
			return new Attempt(Kind.LOCKED, retryAt, 0);
		}

		static Attempt rejected(int attemptsLeft) {
			return new Attempt(Kind.WRONG, null, attemptsLeft);
		}

	}

	private record Found(Kind kind, @Nullable CodeMatch match) {

		static final Found ACCEPTED = new Found(Kind.ACCEPTED, null);

		static final Found REPLAYED = new Found(Kind.REPLAYED, null);

		static final Found WRONG = new Found(Kind.WRONG, null);

		static Found of(CodeCheck check) {
			return switch (check.outcome()) {
				case ACCEPTED -> ACCEPTED;
				case REPLAYED -> REPLAYED;
				case REJECTED -> WRONG;
			};
		}

	}

}
