package io.keyfob.otp;

import java.util.Locale;

/**
 * Thrown when Base32 or hex text cannot be decoded.
 * <p>
 * The text being decoded is usually a secret, so the message never contains it: at most
 * the one offending character and its 1-based position, which is enough for a person to
 * find a typo. Callers may therefore show the message to the person who typed the text.
 */
public final class InvalidEncodingException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	InvalidEncodingException(String message) {
		super(message);
	}

	/**
	 * Creates an exception for one character that breaks a rule.
	 * @param rule what is allowed, such as "Hex allows only ..."
	 * @param text the text being decoded; only the offending character is read from it
	 * @param index the 0-based index of the offending character
	 * @return the exception, with the position reported 1-based
	 */
	static InvalidEncodingException foundAt(String rule, CharSequence text, int index) {
		return foundAt(rule, text, index, "");
	}

	/**
	 * Creates an exception for one character that breaks a rule, with advice appended.
	 * @param rule what is allowed, such as "Hex allows only ..."
	 * @param text the text being decoded; only the offending character is read from it
	 * @param index the 0-based index of the offending character
	 * @param advice appended to the message as it is, usually starting with "; "
	 * @return the exception, with the position reported 1-based
	 */
	static InvalidEncodingException foundAt(String rule, CharSequence text, int index, String advice) {
		return new InvalidEncodingException(
				rule + "; found " + describe(text.charAt(index)) + " at position " + (index + 1) + advice);
	}

	// Control characters and non-ASCII look alike or vanish when printed, so they are
	// named by code point (a pasted no-break space is a classic).
	private static String describe(char c) {
		if (c > 0x20 && c < 0x7f) {
			return "'" + c + "'";
		}
		return String.format(Locale.ROOT, "U+%04X", (int) c);
	}

}
