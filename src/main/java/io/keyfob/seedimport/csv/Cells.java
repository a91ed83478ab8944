package io.keyfob.seedimport.csv;

import java.util.Locale;

import io.keyfob.otp.Base32;
import io.keyfob.otp.HashFunction;
import io.keyfob.otp.Hex;
import io.keyfob.otp.InvalidEncodingException;
import io.keyfob.seedimport.OptionNames;
import io.keyfob.seedimport.SeedOtpType;
import io.keyfob.seedimport.SecretEncoding;
import io.keyfob.seedimport.SeedRules;

/**
 * Reads typed values from CSV cells. Each method throws {@link IllegalArgumentException}
 * with a reason for the row error.
 * <p>
 * A reason quotes a bad cell only when it is short: when the columns of a file are
 * shifted, a long value in the "time interval" column may well be a secret.
 */
final class Cells {

	private static final int MAX_QUOTED_LENGTH = 16;

	/** How {@link Base32} ends the message for a secret that looks like hex. */
	private static final String HEX_HINT_END = "looks like a hex secret: convert it to Base32";

	private Cells() {
	}

	/**
	 * Decodes a secret cell.
	 * @param cell the cell
	 * @param encoding the encoding to read it in
	 * @param name the column, for the message
	 * @param encodingSelectable whether the importer may choose hex for the whole file,
	 * so that a hex-looking Base32 secret deserves that hint
	 * @return the secret
	 */
	static byte[] secret(String cell, SecretEncoding encoding, String name, boolean encodingSelectable) {
		if (cell.isEmpty()) {
			throw new IllegalArgumentException(name + " is empty");
		}
		try {
			return (encoding == SecretEncoding.HEX) ? Hex.decode(cell) : Base32.decode(cell);
		}
		catch (InvalidEncodingException ex) {
			String hint = (encodingSelectable && ex.getMessage().endsWith(HEX_HINT_END))
					? ", or import the file with " + OptionNames.HEX_ENCODING : "";
			throw new IllegalArgumentException(name + ": " + ex.getMessage() + hint);
		}
	}

	static SecretEncoding encoding(String cell) {
		switch (cell.toLowerCase(Locale.ROOT)) {
			case "base32":
				return SecretEncoding.BASE32;
			case "hex":
				return SecretEncoding.HEX;
			default:
				throw new IllegalArgumentException("encoding " + quote(cell) + " is not supported: use base32 or hex");
		}
	}

	static SeedOtpType type(String cell) {
		switch (cell.toLowerCase(Locale.ROOT)) {
			case "totp":
				return SeedOtpType.TOTP;
			case "hotp":
				return SeedOtpType.HOTP;
			default:
				throw new IllegalArgumentException("type " + quote(cell) + " is not supported: use TOTP or HOTP");
		}
	}

	static HashFunction hashFunction(String cell) {
		HashFunction hashFunction = SeedRules.hashFunctionNamed(cell);
		if (hashFunction == null) {
			throw new IllegalArgumentException(
					"hash function " + quote(cell) + " is not supported: use SHA1, SHA256 or SHA512");
		}
		return hashFunction;
	}

	/**
	 * Reads a whole number written in ASCII digits with an optional minus sign. Not
	 * {@link Long#parseLong}: it also takes a plus sign and non-ASCII digits.
	 */
	static long number(String cell, String name, String advice) {
		boolean digits = cell.length() > (cell.startsWith("-") ? 1 : 0) && cell.length() <= 18;
		for (int i = cell.startsWith("-") ? 1 : 0; i < cell.length() && digits; i++) {
			digits = cell.charAt(i) >= '0' && cell.charAt(i) <= '9';
		}
		if (!digits) {
			throw new IllegalArgumentException(name + " " + quote(cell) + " is not a whole number: " + advice);
		}
		return Long.parseLong(cell);
	}

	/**
	 * Narrows a number to an {@code int} for a field that the record checks further.
	 */
	static int smallNumber(String cell, String name, String advice) {
		long value = number(cell, name, advice);
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(name + " " + value + " is not allowed: " + advice);
		}
		return (int) value;
	}

	static String quote(String cell) {
		return (cell.length() <= MAX_QUOTED_LENGTH) ? "'" + cell + "'" : "(a " + cell.length() + "-character value)";
	}

}
