package io.keyfob.otp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes and checks the codes of one token: one secret and one set of
 * {@link OtpParameters}, with the HMAC initialised once (RFC 4226 §5.3; for TOTP the
 * counter is the time step of {@link Totp#step(long, int)}, RFC 6238 §4).
 * <p>
 * Checking a typed code against a {@link CodeWindow} computes the code of every value in
 * the window and compares each with {@link OtpCode} in constant time, without stopping at
 * the first match, so the time taken depends on the window size only. The engine
 * allocates nothing per candidate (JDK 17's {@code Mac.doFinal} itself allocates its 20
 * to 64-byte result). What to do with the result (replay protection, drift, counter
 * updates, throttling) is the caller's business.
 * <p>
 * Not thread-safe: it holds one {@link Mac} and reusable buffers. Create one per check
 * (about the cost of a single HMAC) or keep one per thread.
 */
public final class OtpGenerator {

	private final OtpParameters parameters;

	private final Mac mac;

	private final byte[] counterBytes = new byte[Long.BYTES];

	private final byte[] hmac;

	private final byte[] candidate;

	private OtpGenerator(byte[] key, OtpParameters parameters) {
		this.parameters = parameters;
		this.mac = initialisedMac(key, parameters.hashFunction());
		this.hmac = new byte[this.mac.getMacLength()];
		this.candidate = new byte[parameters.digits()];
	}

	/**
	 * Creates a generator for one token.
	 * @param key the shared secret, at least one byte; copied. Minimum lengths (RFC 4226
	 * R6: 16 bytes) are the caller's policy
	 * @param parameters the hash function and number of digits
	 * @return the generator
	 * @throws IllegalArgumentException if the key is empty
	 */
	public static OtpGenerator of(byte[] key, OtpParameters parameters) {
		Objects.requireNonNull(key, "key must not be null");
		Objects.requireNonNull(parameters, "parameters must not be null");
		if (key.length == 0) {
			throw new IllegalArgumentException("key must not be empty");
		}
		return new OtpGenerator(key, parameters);
	}

	/**
	 * Returns the parameters this generator was created with.
	 * @return the hash function and number of digits
	 */
	public OtpParameters parameters() {
		return this.parameters;
	}

	/**
	 * Computes the code for one counter or time step.
	 * @param counter the moving factor, read as an unsigned 64-bit number: {@code -1}
	 * stands for {@code 2^64 - 1}
	 * @return the code, exactly {@code digits} ASCII digits with leading zeros kept
	 */
	public String codeAt(long counter) {
		writeCode(counter, this.candidate);
		return new String(this.candidate, StandardCharsets.US_ASCII);
	}

	/**
	 * Finds the value in {@code from..toInclusive} whose code is {@code code}, preferring
	 * the middle of the range; see {@link CodeWindow#between(long, long)}.
	 * @param code the typed code
	 * @param from the first counter or step, at least 0
	 * @param toInclusive the last counter or step
	 * @return the matching counter or step, or empty if none matches
	 */
	public OptionalLong findMatch(OtpCode code, long from, long toInclusive) {
		return findMatch(code, CodeWindow.between(from, toInclusive));
	}

	/**
	 * Finds the value in a window whose code is {@code code}, preferring the one nearest
	 * the window's centre. A code of another length than the parameters' never matches.
	 * @param code the typed code
	 * @param window the counters or steps to search
	 * @return the matching counter or step, or empty if none matches
	 */
	public OptionalLong findMatch(OtpCode code, CodeWindow window) {
		Objects.requireNonNull(code, "code must not be null");
		Objects.requireNonNull(window, "window must not be null");
		Nearest nearest = new Nearest(window.centre());
		for (int i = 0; i < window.size(); i++) {
			long value = window.from() + i;
			writeCode(value, this.candidate);
			nearest.offer(value, code.matchesAscii(this.candidate));
		}
		return nearest.result();
	}

	/**
	 * Finds two consecutive codes, as RFC 4226 §7.4 suggests for resynchronising a token
	 * that drifted far: the value {@code n} in {@code from..toInclusive} with
	 * {@code code(n) = first} and {@code code(n + 1) = second}, preferring the middle of
	 * the range. {@code n + 1} may be {@code toInclusive + 1}.
	 * @param first the earlier typed code
	 * @param second the code the token showed next
	 * @param from the first counter or step for {@code first}, at least 0
	 * @param toInclusive the last counter or step for {@code first}
	 * @return the counter or step of {@code first}, or empty if the pair is not found
	 */
	public OptionalLong findConsecutive(OtpCode first, OtpCode second, long from, long toInclusive) {
		return findConsecutive(first, second, CodeWindow.between(from, toInclusive));
	}

	/**
	 * Finds two consecutive codes as
	 * {@link #findConsecutive(OtpCode, OtpCode, long, long)} does, preferring the value
	 * nearest the window's centre.
	 * @param first the earlier typed code
	 * @param second the code the token showed next
	 * @param window the counters or steps to search for {@code first}
	 * @return the counter or step of {@code first}, or empty if the pair is not found
	 */
	public OptionalLong findConsecutive(OtpCode first, OtpCode second, CodeWindow window) {
		Objects.requireNonNull(first, "first must not be null");
		Objects.requireNonNull(second, "second must not be null");
		Objects.requireNonNull(window, "window must not be null");
		Nearest nearest = new Nearest(window.centre());
		boolean previousIsFirst = false;
		// one HMAC per value: each code is compared with both inputs; the last value
		// (toInclusive + 1, which may wrap to the unsigned upper half) only as the second
		for (int i = 0; i <= window.size(); i++) {
			long value = window.from() + i;
			writeCode(value, this.candidate);
			if (i > 0) {
				nearest.offer(value - 1, previousIsFirst & second.matchesAscii(this.candidate));
			}
			previousIsFirst = first.matchesAscii(this.candidate);
		}
		return nearest.result();
	}

	// RFC 4226 §5.3: HMAC over the 8-byte big-endian counter, dynamic truncation to 31
	// bits, modulo 10^digits, written as ASCII digits with leading zeros.
	private void writeCode(long counter, byte[] target) {
		long remaining = counter;
		for (int i = Long.BYTES - 1; i >= 0; i--) {
			this.counterBytes[i] = (byte) remaining;
			remaining >>>= 8;
		}
		this.mac.update(this.counterBytes);
		try {
			this.mac.doFinal(this.hmac, 0);
		}
		catch (ShortBufferException ex) {
			throw new AssertionError("The buffer was sized with getMacLength()", ex);
		}
		int offset = this.hmac[this.hmac.length - 1] & 0x0f;
		int binary = ((this.hmac[offset] & 0x7f) << 24) | ((this.hmac[offset + 1] & 0xff) << 16)
				| ((this.hmac[offset + 2] & 0xff) << 8) | (this.hmac[offset + 3] & 0xff);
		int code = binary % this.parameters.modulus();
		for (int i = target.length - 1; i >= 0; i--) {
			target[i] = (byte) ('0' + code % 10);
			code /= 10;
		}
	}

	private static Mac initialisedMac(byte[] key, HashFunction hashFunction) {
		try {
			Mac mac = Mac.getInstance(hashFunction.jcaName());
			mac.init(new SecretKeySpec(key, hashFunction.jcaName()));
			return mac;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(hashFunction.jcaName() + " is not available in this Java runtime", ex);
		}
		catch (InvalidKeyException ex) {
			throw new AssertionError("An HMAC accepts any non-empty key", ex);
		}
	}

	/**
	 * Keeps the match nearest a centre, the lower one on a tie. Values arrive in
	 * ascending order, so a later value only wins when strictly nearer.
	 */
	private static final class Nearest {

		private final long centre;

		private long best = -1;

		private long bestDistance = Long.MAX_VALUE;

		Nearest(long centre) {
			this.centre = centre;
		}

		void offer(long value, boolean matches) {
			long distance = Math.abs(value - this.centre);
			if (matches && distance < this.bestDistance) {
				this.best = value;
				this.bestDistance = distance;
			}
		}

		OptionalLong result() {
			return (this.best < 0) ? OptionalLong.empty() : OptionalLong.of(this.best);
		}

	}

}
