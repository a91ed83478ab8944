package io.keyfob.otp;

/**
 * HOTP, the event-based one-time password of RFC 4226: the code for a counter that the
 * token increments on every button press.
 * <p>
 * This is the one-off form; to check a typed code against several counters use
 * {@link OtpGenerator}, which initialises the HMAC once. Stateless and thread-safe.
 */
public final class Hotp {

	private Hotp() {
	}

	/**
	 * Computes the code for one counter (RFC 4226 §5.3, dynamic truncation).
	 * @param key the shared secret, at least one byte
	 * @param counter the counter, read as an unsigned 64-bit number: {@code -1} stands
	 * for {@code 2^64 - 1}
	 * @param parameters the hash function and number of digits
	 * @return the code, exactly {@code digits} ASCII digits with leading zeros kept
	 * @throws IllegalArgumentException if the key is empty
	 */
	public static String generate(byte[] key, long counter, OtpParameters parameters) {
		return OtpGenerator.of(key, parameters).codeAt(counter);
	}

}
