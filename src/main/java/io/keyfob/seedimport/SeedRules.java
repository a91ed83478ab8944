package io.keyfob.seedimport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.keyfob.otp.HashFunction;
import org.jspecify.annotations.Nullable;

/**
 * The limits and defaults every seed file reader applies, in one place so that the
 * readers, the import report and the pages that describe the formats agree.
 * <p>
 * <b>The hash function rule.</b> Most seed files do not say which HMAC a token uses.
 * Readers take an explicit value from the file first (a hash column, a PSKC
 * {@code Suite}); failing that, the secret's length, because RFC 6238 §5.1 asks for
 * secrets as long as the HMAC output (32 bytes for HMAC-SHA256, 64 for HMAC-SHA512);
 * failing that, HMAC-SHA1, the RFC 4226 algorithm. A server-wide default never decides.
 * Entra CSV is the exception: the format is HMAC-SHA1 only.
 */
public final class SeedRules {

	/** The longest serial number, manufacturer, model, display name or owner. */
	public static final int MAX_TEXT_LENGTH = 256;

	/** The shortest secret: 128 bits, RFC 4226 requirement R6. */
	public static final int MIN_SECRET_BYTES = 16;

	/** The longest secret: 80 bytes, 128 Base32 characters, as Entra allows. */
	public static final int MAX_SECRET_BYTES = 80;

	/** The most rows (tokens) one file may hold unless the caller sets another limit. */
	public static final int DEFAULT_MAX_ROWS = 1_000_000;

	/** The code length when a file does not give one. */
	public static final int DEFAULT_DIGITS = 6;

	/** The TOTP time step when a file does not give one, RFC 6238's default. */
	public static final int DEFAULT_TIME_INTERVAL = 30;

	private SeedRules() {
	}

	/**
	 * Finds a hash function by the names files use for it.
	 * @param name such as {@code sha256}, {@code SHA-256}, {@code HMAC-SHA256} or
	 * {@code hmacsha256}; case, spaces, hyphens and underscores are ignored
	 * @return the hash function, or {@code null} if the name is none of SHA-1, SHA-256 or
	 * SHA-512
	 */
	public static @Nullable HashFunction hashFunctionNamed(String name) {
		String compact = name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
		String bare = compact.startsWith("hmac") ? compact.substring(4) : compact;
		switch (bare) {
			case "sha1":
				return HashFunction.HMAC_SHA1;
			case "sha256":
				return HashFunction.HMAC_SHA256;
			case "sha512":
				return HashFunction.HMAC_SHA512;
			default:
				return null;
		}
	}

	/**
	 * Applies the second and third step of the hash function rule (see the class
	 * documentation).
	 * @param secretLength the secret's length in bytes
	 * @return HMAC-SHA256 for 32 bytes, HMAC-SHA512 for 64, otherwise HMAC-SHA1
	 */
	public static HashFunction impliedHashFunction(int secretLength) {
		switch (secretLength) {
			case 32:
				return HashFunction.HMAC_SHA256;
			case 64:
				return HashFunction.HMAC_SHA512;
			default:
				return HashFunction.HMAC_SHA1;
		}
	}

	/**
	 * Explains a hash function taken from the secret's length, for a warning.
	 * @param secretLength the secret's length in bytes
	 * @return the explanation, or {@code null} when the rule falls back to HMAC-SHA1,
	 * which needs none
	 */
	public static @Nullable String impliedHashFunctionNote(int secretLength) {
		HashFunction implied = impliedHashFunction(secretLength);
		if (implied == HashFunction.HMAC_SHA1) {
			return null;
		}
		return "the file does not name a hash function; " + displayName(implied) + " assumed from the " + secretLength
				+ "-byte secret";
	}

	/**
	 * Names a hash function for people.
	 * @param hashFunction the hash function
	 * @return such as {@code HMAC-SHA256}
	 */
	public static String displayName(HashFunction hashFunction) {
		return "HMAC-" + hashFunction.name().substring("HMAC_".length());
	}

	/**
	 * Reads a validity date as seed files write it (PSKC {@code StartDate} and
	 * {@code ExpiryDate} are {@code xs:dateTime}; vendor CSVs use dates or date-times). A
	 * date alone means the start of that day in UTC, and a date-time without an offset is
	 * read as UTC, since a file names no time zone of the server's.
	 * @param text such as {@code 2031-01-01}, {@code 2031-01-01T00:00:00Z} or
	 * {@code 2031-01-01T08:00:00+08:00}
	 * @param name the field, for the message
	 * @return the instant
	 * @throws IllegalArgumentException with a reason for a row error
	 */
	public static Instant validityDate(String text, String name) {
		String value = text.strip();
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
				return OffsetDateTime.parse(value).toInstant();
			}
			return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// a longer cell may be a secret in a shifted column: the shortest secret is
			// 26 Base32 characters
			String shown = (value.length() <= 25) ? "'" + value + "'" : "(a " + value.length() + "-character value)";
			throw new IllegalArgumentException(name + " " + shown
					+ " is not a date: write it as 2031-01-01 or 2031-01-01T00:00:00Z (ISO 8601, UTC unless an offset is given)");
		}
	}

}
