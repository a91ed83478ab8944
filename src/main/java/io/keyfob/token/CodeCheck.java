package io.keyfob.token;

/**
 * The outcome of checking a code against a token. A wrong code is a result, not an
 * exception.
 *
 * @param outcome accepted, rejected or replayed
 * @param position TOTP: the matched time step; HOTP: the matched counter; 0 when not
 * accepted
 * @param driftSteps TOTP: the token's drift after this check; HOTP: how many presses past
 * the expected counter the code was
 */
public record CodeCheck(Outcome outcome, long position, int driftSteps) {

	static CodeCheck rejected() {
		return new CodeCheck(Outcome.REJECTED, 0, 0);
	}

	static CodeCheck replayed() {
		return new CodeCheck(Outcome.REPLAYED, 0, 0);
	}

	public boolean accepted() {
		return this.outcome == Outcome.ACCEPTED;
	}

	/**
	 * What happened to a code.
	 */
	public enum Outcome {

		/** The code matched and was recorded as used. */
		ACCEPTED,

		/** The code matched nothing in the window. */
		REJECTED,

		/** The code matched a step or counter that was already used. */
		REPLAYED

	}

}
