package io.keyfob.authmethod;

import io.keyfob.otp.OtpCode;
import org.jspecify.annotations.Nullable;

/**
 * A code as typed, parsed, with its digits kept for the "same wrong code" rule.
 *
 * @param code the parsed code
 * @param digits its digits, without spaces
 */
record TypedCode(OtpCode code, String digits) {

	/**
	 * Parse a code.
	 * @param text the code as typed
	 * @return the code
	 * @throws IllegalArgumentException if it is not a code
	 */
	static TypedCode parse(String text) {
		OtpCode code = OtpCode.parse(text);
		return new TypedCode(code, text.strip().replace(" ", ""));
	}

	/**
	 * Parse a code, or give {@code null} for text that is not one.
	 * @param text the code as typed
	 * @return the code or {@code null}
	 */
	static @Nullable TypedCode tryParse(String text) {
		try {
			return parse(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public String toString() {
		return this.code.toString();
	}

}
