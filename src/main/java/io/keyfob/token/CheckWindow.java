package io.keyfob.token;

import org.jspecify.annotations.Nullable;

/**
 * How far from the expected position a code may be and still match.
 *
 * @param totpRadius TOTP: steps accepted on either side of the centre
 * @param hotpLookAhead HOTP: counter values accepted from the expected one onwards
 * @param drift TOTP: the centre's offset from the current step, or {@code null} for the
 * token's learned drift; HOTP: how many presses past the expected counter the look-ahead
 * starts, {@code null} meaning none
 */
public record CheckWindow(int totpRadius, int hotpLookAhead, @Nullable Integer drift) {

	/**
	 * Sign-in: ±2 steps around the learned drift (docs/design.md), or 10 presses ahead.
	 */
	public static final int SIGN_IN_RADIUS = 2;

	/** HOTP look-ahead at sign-in. */
	public static final int SIGN_IN_LOOK_AHEAD = 10;

	/** Activation: ±1 day of 30 s steps (±2 days of 60 s steps), as Entra. */
	public static final int ACTIVATION_RADIUS = 2880;

	/** HOTP look-ahead for activation and resynchronisation. */
	public static final int RESYNC_LOOK_AHEAD = 100;

	public CheckWindow {
		if (totpRadius < 0 || hotpLookAhead < 1) {
			throw new IllegalArgumentException("A window needs a radius of 0 or more and a look-ahead of 1 or more");
		}
	}

	/**
	 * The narrow window for sign-in.
	 * @return ±2 steps around the learned drift, or 10 presses ahead
	 */
	public static CheckWindow signIn() {
		return new CheckWindow(SIGN_IN_RADIUS, SIGN_IN_LOOK_AHEAD, null);
	}

	/**
	 * The wide window for activation and self-claim: a token that sat in a box for a year
	 * still matches.
	 * @return ±2880 steps around the current step, or 100 presses ahead
	 */
	public static CheckWindow activation() {
		return new CheckWindow(ACTIVATION_RADIUS, RESYNC_LOOK_AHEAD, 0);
	}

	/**
	 * The window for the code that follows one found at {@code first}: TOTP ±2 steps
	 * around the first code's drift; HOTP the next press or the one after.
	 * @param type the token's type
	 * @param first where the first code matched
	 * @return the window to confirm it in
	 */
	public static CheckWindow following(OtpType type, CodeMatch first) {
		return (type == OtpType.HOTP) ? new CheckWindow(SIGN_IN_RADIUS, 1, first.driftSteps() + 1)
				: atDrift(first.driftSteps());
	}

	/**
	 * The narrow window around a drift found by an earlier code, to confirm it with the
	 * next one.
	 * @param driftSteps the drift found
	 * @return ±2 steps around that drift, or 10 presses ahead
	 */
	public static CheckWindow atDrift(int driftSteps) {
		return new CheckWindow(SIGN_IN_RADIUS, SIGN_IN_LOOK_AHEAD, driftSteps);
	}

}
