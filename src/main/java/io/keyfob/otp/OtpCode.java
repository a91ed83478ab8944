package io.keyfob.otp;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A one-time code as a person typed it: 6 to 8 ASCII digits.
 * <p>
 * {@link #parse(CharSequence)} forgives what people naturally type (surrounding
 * whitespace, one space inside such as {@code 123 456}) and nothing else. Comparisons run
 * in constant time over the digits, and neither {@link #toString()} nor any exception
 * message reveals them, so a code cannot leak through logs or timing. Immutable and
 * thread-safe.
 */
public final class OtpCode {

	private final byte[] digits;

	private OtpCode(byte[] digits) {
		this.digits = digits;
	}

	/**
	 * Parses a typed code.
	 * @param text the code: 6 to 8 ASCII digits, optionally surrounded by whitespace and
	 * with at most one space between two digits
	 * @return the code
	 * @throws IllegalArgumentException if the text is anything else; the message does not
	 * repeat the text
	 */
	public static OtpCode parse(CharSequence text) {
		Objects.requireNonNull(text, "text must not be null");
		String trimmed = text.toString().strip();
		byte[] digits = new byte[OtpParameters.MAX_DIGITS];
		int count = 0;
		boolean spaceSeen = false;
		for (int i = 0; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c == ' ' && !spaceSeen) {
				spaceSeen = true;
				continue;
			}
			// Character.isDigit would let in Arabic-Indic and other non-ASCII digits
			if (c < '0' || c > '9' || count == digits.length) {
				throw invalid();
			}
			digits[count++] = (byte) c;
		}
		if (count < OtpParameters.MIN_DIGITS) {
			throw invalid();
		}
		return new OtpCode(Arrays.copyOf(digits, count));
	}

	/**
	 * Returns the number of digits.
	 * @return 6 to 8
	 */
	public int length() {
		return this.digits.length;
	}

	/**
	 * Compares with another typed code in constant time. Text that is not a valid code
	 * never matches.
	 * @param candidate the text to compare, parsed with the rules of
	 * {@link #parse(CharSequence)}
	 * @return whether both are the same digits
	 */
	public boolean matches(CharSequence candidate) {
		Objects.requireNonNull(candidate, "candidate must not be null");
		try {
			return equals(parse(candidate));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Compares digits in constant time (for codes of equal length).
	 * @param ascii the ASCII digits to compare with
	 * @return whether they are the same digits
	 */
	boolean matchesAscii(byte[] ascii) {
		// MessageDigest.isEqual examines every byte whatever the first difference, so the
		// time taken says nothing about how many leading digits were right.
		return MessageDigest.isEqual(this.digits, ascii);
	}

	/**
	 * Two codes are equal when they have the same digits; compared in constant time.
	 */
	@Override
	public boolean equals(Object other) {
		return (other instanceof OtpCode code) && code.matchesAscii(this.digits);
	}

	/**
	 * Depends on the length only, so that a hash never carries the digits; codes are not
	 * meant as keys of large hash tables.
	 */
	@Override
	public int hashCode() {
		return this.digits.length;
	}

	/**
	 * Describes the code without its digits, for example {@code OtpCode[6 digits]}.
	 */
	@Override
	public String toString() {
		return "OtpCode[" + this.digits.length + " digits]";
	}

	private static IllegalArgumentException invalid() {
		return new IllegalArgumentException("A code is 6 to 8 digits");
	}

}
