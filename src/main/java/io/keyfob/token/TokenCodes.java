package io.keyfob.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

import io.keyfob.otp.CodeWindow;
import io.keyfob.otp.OtpCode;
import io.keyfob.otp.OtpGenerator;
import io.keyfob.otp.OtpParameters;
import io.keyfob.otp.Totp;
import io.keyfob.shared.secret.SecretSealer;
import io.keyfob.token.jdbc.JdbcHardwareOathTokens;
import io.keyfob.token.jdbc.SeedState;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks codes against tokens. Apart from {@link TokenInventory#withSameSeed} (which
 * compares seeds for imports), this is the only place a seed is opened, and only for the
 * length of one check: callers get a result, never the secret. Accepting a code and
 * recording it as used is one conditional update, so a code is accepted at most once even
 * across nodes.
 */
@Service
public class TokenCodes {

	private final JdbcHardwareOathTokens tokens;

	private final SecretSealer sealer;

	private final Clock clock;

	TokenCodes(JdbcHardwareOathTokens tokens, SecretSealer sealer, Clock clock) {
		this.tokens = tokens;
		this.sealer = sealer;
		this.clock = clock;
	}

	/**
	 * Check a code and, when it matches a step or counter not used before, record it as
	 * used and relearn the drift.
	 * @param tokenId the token
	 * @param code the code the user typed
	 * @param window how far from the expected position the code may be
	 * @return accepted (with the position and drift), rejected or replayed
	 */
	@Transactional
	public CodeCheck check(UUID tokenId, OtpCode code, CheckWindow window) {
		return check(load(tokenId), code, window);
	}

	/**
	 * {@link #check(UUID, OtpCode, CheckWindow)} for a token already loaded in this
	 * attempt: no second read of the token.
	 * @param token the token as loaded
	 * @param code the code the user typed
	 * @param window how far from the expected position the code may be
	 * @return accepted (with the position and drift), rejected or replayed
	 */
	@Transactional
	public CodeCheck check(CheckableToken token, OtpCode code, CheckWindow window) {
		SeedState state = token.state();
		Instant now = this.clock.instant();
		Optional<CodeMatch> match = find(state, code, window, now);
		return match.map((m) -> record(state, m, now)).orElseGet(CodeCheck::rejected);
	}

	/**
	 * Load a token for checking codes: one read of the token and its replay state.
	 * @param tokenId the token
	 * @return the token
	 * @throws TokenNotFoundException if there is none
	 */
	public CheckableToken load(UUID tokenId) {
		return this.tokens.checkable(tokenId)
			.map((c) -> new CheckableToken(c.token(), c.seedState()))
			.orElseThrow(() -> TokenNotFoundException.forId(tokenId));
	}

	/**
	 * A user's activated tokens, loaded for checking codes in one read, ordered by id.
	 * @param userId the user
	 * @return the tokens, maybe none
	 */
	public List<CheckableToken> activatedFor(UUID userId) {
		return this.tokens.checkableByAssignee(userId, TokenStatus.ACTIVATED)
			.stream()
			.map((c) -> new CheckableToken(c.token(), c.seedState()))
			.toList();
	}

	/**
	 * Find where a code matches without recording anything: for a first activation code
	 * that must be confirmed by the next one.
	 * @param tokenId the token
	 * @param code the code
	 * @param window how far to look
	 * @return the match, if any and not yet used
	 */
	@Transactional(readOnly = true)
	public Optional<CodeMatch> locate(UUID tokenId, OtpCode code, CheckWindow window) {
		return locate(load(tokenId), code, window);
	}

	/**
	 * {@link #locate(UUID, OtpCode, CheckWindow)} for a token already loaded.
	 * @param token the token as loaded
	 * @param code the code
	 * @param window how far to look
	 * @return the match, if any and not yet used
	 */
	public Optional<CodeMatch> locate(CheckableToken token, OtpCode code, CheckWindow window) {
		SeedState state = token.state();
		return find(state, code, window, this.clock.instant()).filter((m) -> !isUsed(state, m.position()));
	}

	/**
	 * Resynchronise a token with two consecutive codes (RFC 4226 §7.4): HOTP within 100
	 * presses of the expected counter, TOTP within the activation window. Both codes are
	 * consumed.
	 * @param tokenId the token
	 * @param first the first code
	 * @param second the next code the token showed
	 * @return accepted with the new position and drift, rejected, or replayed
	 */
	@Transactional
	public CodeCheck resync(UUID tokenId, OtpCode first, OtpCode second) {
		return resync(load(tokenId), first, second);
	}

	/**
	 * {@link #resync(UUID, OtpCode, OtpCode)} for a token already loaded.
	 * @param token the token as loaded
	 * @param first the first code
	 * @param second the next code the token showed
	 * @return accepted with the new position and drift, rejected, or replayed
	 */
	@Transactional
	public CodeCheck resync(CheckableToken token, OtpCode first, OtpCode second) {
		SeedState state = token.state();
		Instant now = this.clock.instant();
		long current = currentPosition(state, now);
		CodeWindow window = (state.otpType() == OtpType.HOTP) ? CodeWindow.ahead(current, CheckWindow.RESYNC_LOOK_AHEAD)
				: CodeWindow.around(current, CheckWindow.ACTIVATION_RADIUS);
		OptionalLong found = withGenerator(state, (generator) -> generator.findConsecutive(first, second, window));
		if (found.isEmpty()) {
			return CodeCheck.rejected();
		}
		long position = found.getAsLong() + 1;
		return record(state, new CodeMatch(position, drift(state, position, current)), now);
	}

	private Optional<CodeMatch> find(SeedState state, OtpCode code, CheckWindow window, Instant now) {
		long current = currentPosition(state, now);
		CodeWindow codeWindow;
		if (state.otpType() == OtpType.HOTP) {
			long offset = (window.drift() != null) ? window.drift() : 0;
			codeWindow = CodeWindow.ahead(current + offset, window.hotpLookAhead());
		}
		else {
			int drift = (window.drift() != null) ? window.drift() : state.driftSteps();
			codeWindow = CodeWindow.around(current + drift, window.totpRadius());
		}
		OptionalLong found = withGenerator(state, (generator) -> generator.findMatch(code, codeWindow));
		return found.isPresent()
				? Optional.of(new CodeMatch(found.getAsLong(), drift(state, found.getAsLong(), current)))
				: Optional.empty();
	}

	private CodeCheck record(SeedState state, CodeMatch match, Instant now) {
		if (isUsed(state, match.position())) {
			return CodeCheck.replayed();
		}
		boolean recorded = (state.otpType() == OtpType.HOTP)
				? this.tokens.recordCounter(state.id(), match.position(), now)
				: this.tokens.recordStep(state.id(), match.position(), match.driftSteps(), now);
		return recorded ? new CodeCheck(CodeCheck.Outcome.ACCEPTED, match.position(), match.driftSteps())
				: CodeCheck.replayed();
	}

	private static boolean isUsed(SeedState state, long position) {
		if (state.otpType() == OtpType.HOTP) {
			return state.hotpCounter() != null && position < state.hotpCounter();
		}
		return state.lastUsedStep() != null && position <= state.lastUsedStep();
	}

	private static long currentPosition(SeedState state, Instant now) {
		if (state.otpType() == OtpType.HOTP) {
			return (state.hotpCounter() != null) ? state.hotpCounter() : 0;
		}
		return Totp.step(now.getEpochSecond(), state.timeIntervalSeconds());
	}

	// TOTP: steps the token's clock is off; HOTP: presses past the expected counter
	private static int drift(SeedState state, long position, long current) {
		return Math.toIntExact(position - current);
	}

	private OptionalLong withGenerator(SeedState state, Function<OtpGenerator, OptionalLong> use) {
		byte[] seed = this.sealer.open(state.seed(), SeedContext.of(state.id()));
		try {
			return use.apply(OtpGenerator.of(seed, new OtpParameters(state.hashFunction(), state.digits())));
		}
		finally {
			Arrays.fill(seed, (byte) 0);
		}
	}

}
