package io.keyfob.otp;

import java.util.Objects;

/**
 * How a token turns its secret and moving factor into a code: the HMAC and the number of
 * decimal digits.
 * <p>
 * RFC 4226 §5.3 requires at least 6 digits; 7 and 8 are the common longer forms and the
 * most OATH Toolkit produces, so 6 to 8 are accepted.
 *
 * @param hashFunction the HMAC the token uses
 * @param digits the code length in decimal digits, 6 to 8 inclusive
 */
public record OtpParameters(HashFunction hashFunction, int digits) {

	/** The fewest digits a code may have (RFC 4226 §5.3). */
	public static final int MIN_DIGITS = 6;

	/** The most digits a code may have. */
	public static final int MAX_DIGITS = 8;

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
			100_000_000 };

	/**
	 * Creates parameters, rejecting digit counts outside 6 to 8.
	 * @param hashFunction the HMAC the token uses
	 * @param digits the code length in decimal digits, 6 to 8 inclusive
	 * @throws IllegalArgumentException if {@code digits} is out of range
	 */
	public OtpParameters {
		Objects.requireNonNull(hashFunction, "hashFunction must not be null");
		if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
			throw new IllegalArgumentException("digits must be between 6 and 8, was " + digits);
		}
	}

	/**
	 * Returns {@code 10^digits}, the modulus of RFC 4226 §5.3 step 3.
	 */
	int modulus() {
		return POWERS_OF_TEN[this.digits];
	}

}
