package io.keyfob.authmethod;

import io.keyfob.shared.ErrorKind;

/**
 * A wrong or already used code ({@code invalidVerificationCode}), with how many more
 * wrong codes the method takes before it locks, so that pages can say so.
 */
public final class InvalidCodeException extends MethodException {

	private final int attemptsLeft;

	InvalidCodeException(int attemptsLeft) {
		super(ErrorKind.INVALID, "invalidVerificationCode",
				"The verification code is wrong or was already used. Press the token's button and enter the new "
						+ "code; " + attemptsLeft + " more wrong codes lock the token for a while.");
		this.attemptsLeft = attemptsLeft;
	}

	/**
	 * How many more wrong codes lock the method.
	 * @return at least 0
	 */
	public int attemptsLeft() {
		return this.attemptsLeft;
	}

}
