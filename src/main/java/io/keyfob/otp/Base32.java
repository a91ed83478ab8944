package io.keyfob.otp;

import java.util.Arrays;
import java.util.Objects;

/**
 * Base32 with the RFC 4648 §6 alphabet ({@code A-Z}, {@code 2-7}), the usual text form of
 * OATH secrets (Graph {@code secretKey}, Entra CSV, otpauth URIs).
 * <p>
 * Decoding accepts what people copy from token sleeves and vendor files: any letter case,
 * spaces and hyphens anywhere, and {@code =} padding (of any length) at the end.
 * Everything else is rejected rather than skipped, unlike lenient decoders that silently
 * turn a typo into a different secret (RFC 4648 §3.3): characters outside the alphabet,
 * characters after padding, and impossible lengths (1, 3 or 6 characters more than a
 * multiple of 8, §6). Non-zero unused bits in the last character (§3.5) are dropped, not
 * refused: Microsoft's own examples ({@code abcdef2234567abcdef2234567}) carry them,
 * Entra and oathtool accept them, and a Graph script must work unchanged. Error messages
 * name the offending character and its 1-based position, never the text.
 * <p>
 * Encoding writes upper case without padding, as otpauth URIs and Entra expect. Stateless
 * and thread-safe.
 */
public final class Base32 {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final String ALPHABET_RULE = "Base32 allows only the letters A-Z and the digits 2-7";

	private static final String HEX_HINT = "; this looks like a hex secret: convert it to Base32";

	private static final String PADDING_RULE = "Base32 padding '=' may only stand at the end";

	private Base32() {
	}

	/**
	 * Decodes Base32 text.
	 * @param text the Base32 text; case, spaces, hyphens and trailing {@code =} padding
	 * are ignored
	 * @return the decoded bytes, empty for empty text
	 * @throws InvalidEncodingException if the text is not valid Base32
	 */
	public static byte[] decode(CharSequence text) {
		Objects.requireNonNull(text, "text must not be null");
		byte[] groups = new byte[text.length()];
		try {
			int count = 0;
			int paddingStart = -1;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == ' ' || c == '-') {
					continue;
				}
				if (c == '=') {
					paddingStart = (paddingStart < 0) ? i : paddingStart;
					continue;
				}
				int value = valueOf(c);
				if (value < 0) {
					throw alphabetError(text, i);
				}
				if (paddingStart >= 0) {
					throw InvalidEncodingException.foundAt(PADDING_RULE, text, i);
				}
				groups[count++] = (byte) value;
			}
			return toBytes(groups, count);
		}
		finally {
			// the 5-bit groups are the secret too
			Arrays.fill(groups, (byte) 0);
		}
	}

	/**
	 * Encodes bytes as upper-case Base32 without padding.
	 * @param bytes the bytes to encode
	 * @return the Base32 text, {@code ceil(8 * bytes.length / 5)} characters long
	 */
	public static String encode(byte[] bytes) {
		Objects.requireNonNull(bytes, "bytes must not be null");
		StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				bits -= 5;
				text.append(ALPHABET.charAt((buffer >>> bits) & 0x1f));
			}
		}
		if (bits > 0) {
			text.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1f));
		}
		return text.toString();
	}

	private static byte[] toBytes(byte[] groups, int count) {
		int remainder = count % 8;
		if (remainder == 1 || remainder == 3 || remainder == 6) {
			throw new InvalidEncodingException("Base32 text cannot have " + count
					+ " characters (1, 3 or 6 more than a multiple of 8), so a character is missing or extra");
		}
		byte[] bytes = new byte[count * 5 / 8];
		int buffer = 0;
		int bits = 0;
		int next = 0;
		for (int i = 0; i < count; i++) {
			buffer = (buffer << 5) | groups[i];
			bits += 5;
			if (bits >= 8) {
				bits -= 8;
				bytes[next++] = (byte) (buffer >>> bits);
			}
		}
		return bytes;
	}

	private static int valueOf(char c) {
		if (c >= 'A' && c <= 'Z') {
			return c - 'A';
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a';
		}
		if (c >= '2' && c <= '7') {
			return c - '2' + 26;
		}
		return -1;
	}

	// Hex secrets are the most common wrong input (RFC seeds, OATH Toolkit, YubiKey
	// logs); saying so saves a support call.
	private static InvalidEncodingException alphabetError(CharSequence text, int index) {
		return InvalidEncodingException.foundAt(ALPHABET_RULE, text, index, Hex.looksLikeHex(text) ? HEX_HINT : "");
	}

}
