package io.keyfob.otp;

import java.util.Locale;
import java.util.Objects;

/**
 * The HMAC variants that OATH tokens use: HMAC-SHA-1 for HOTP (RFC 4226 §5.2) and
 * HMAC-SHA-1, HMAC-SHA-256 or HMAC-SHA-512 for TOTP (RFC 6238 §1.2).
 * <p>
 * Each constant carries the lower-case name used by the Microsoft Graph
 * {@code hashFunction} property and the standard JCA algorithm name for
 * {@link javax.crypto.Mac}.
 */
public enum HashFunction {

	/** HMAC-SHA-1, 20-byte MAC; the RFC 4226 and Graph default. */
	HMAC_SHA1("hmacsha1", "HmacSHA1"),

	/** HMAC-SHA-256, 32-byte MAC. */
	HMAC_SHA256("hmacsha256", "HmacSHA256"),

	/** HMAC-SHA-512, 64-byte MAC; a Keyfob extension of the Graph values. */
	HMAC_SHA512("hmacsha512", "HmacSHA512");

	private final String graphName;

	private final String jcaName;

	HashFunction(String graphName, String jcaName) {
		this.graphName = graphName;
		this.jcaName = jcaName;
	}

	/**
	 * Returns the Graph wire name.
	 * @return {@code hmacsha1}, {@code hmacsha256} or {@code hmacsha512}
	 */
	public String graphName() {
		return this.graphName;
	}

	/**
	 * Returns the JCA standard algorithm name.
	 * @return the name to pass to {@link javax.crypto.Mac#getInstance(String)}, such as
	 * {@code HmacSHA1}
	 */
	public String jcaName() {
		return this.jcaName;
	}

	/**
	 * Finds the constant for a Graph wire name, ignoring case.
	 * @param graphName {@code hmacsha1}, {@code hmacsha256} or {@code hmacsha512} in any
	 * case
	 * @return the matching constant
	 * @throws IllegalArgumentException if the name is none of these; the message lists
	 * the allowed values
	 */
	public static HashFunction fromGraphName(String graphName) {
		Objects.requireNonNull(graphName, "graphName must not be null");
		String wanted = graphName.toLowerCase(Locale.ROOT);
		for (HashFunction hashFunction : values()) {
			if (hashFunction.graphName.equals(wanted)) {
				return hashFunction;
			}
		}
		throw new IllegalArgumentException(
				"Unknown hash function; allowed values are hmacsha1, hmacsha256 and hmacsha512");
	}

}
