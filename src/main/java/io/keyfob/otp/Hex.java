package io.keyfob.otp;

import java.util.Arrays;
import java.util.Objects;

/**
 * Hexadecimal (RFC 4648 §8, "base16"), the text form of secrets in the RFC test vectors,
 * OATH Toolkit and several vendor seed files.
 * <p>
 * Decoding ignores letter case and spaces (vendors print secrets in groups) and rejects
 * anything else, naming the offending character and its 1-based position, never the text.
 * Encoding writes lower case. Stateless and thread-safe.
 */
public final class Hex {

	private static final String DIGITS = "0123456789abcdef";

	private static final String ALPHABET_RULE = "Hex allows only the digits 0-9 and the letters a-f";

	private static final String PAIR_RULE = "Hex needs two digits per byte, but the number of digits is odd";

	private Hex() {
	}

	/**
	 * Decodes hex text.
	 * @param text the hex text; case and spaces are ignored
	 * @return the decoded bytes, empty for empty text
	 * @throws InvalidEncodingException if a character is not a hex digit or the number of
	 * digits is odd
	 */
	public static byte[] decode(CharSequence text) {
		Objects.requireNonNull(text, "text must not be null");
		byte[] bytes = new byte[(text.length() + 1) / 2];
		int digits = 0;
		int lastIndex = -1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ' ') {
				continue;
			}
			int value = valueOf(c);
			if (value < 0) {
				throw InvalidEncodingException.foundAt(ALPHABET_RULE, text, i);
			}
			int index = digits / 2;
			bytes[index] = (byte) ((bytes[index] << 4) | value);
			digits++;
			lastIndex = i;
		}
		if (digits % 2 != 0) {
			throw InvalidEncodingException.foundAt(PAIR_RULE, text, lastIndex, " (the last digit)");
		}
		return (digits / 2 == bytes.length) ? bytes : Arrays.copyOf(bytes, digits / 2);
	}

	/**
	 * Encodes bytes as lower-case hex.
	 * @param bytes the bytes to encode
	 * @return the hex text, two digits per byte
	 */
	public static String encode(byte[] bytes) {
		Objects.requireNonNull(bytes, "bytes must not be null");
		StringBuilder text = new StringBuilder(bytes.length * 2);
		for (byte b : bytes) {
			text.append(DIGITS.charAt((b >> 4) & 0xf)).append(DIGITS.charAt(b & 0xf));
		}
		return text.toString();
	}

	/**
	 * Tells whether text would decode as hex holding at least one byte, a hint for error
	 * messages when it was given as something else.
	 * @param text any text
	 * @return whether it has an even, non-zero number of hex digits and nothing but
	 * spaces besides
	 */
	static boolean looksLikeHex(CharSequence text) {
		int digits = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ' ') {
				continue;
			}
			if (valueOf(c) < 0) {
				return false;
			}
			digits++;
		}
		return digits > 0 && digits % 2 == 0;
	}

	// Not Character.digit: it also accepts non-ASCII digits such as U+0661.
	private static int valueOf(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

}
