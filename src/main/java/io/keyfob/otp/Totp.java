package io.keyfob.otp;

/**
 * TOTP, the time-based one-time password of RFC 6238: HOTP with the number of time steps
 * since the Unix epoch as the counter ({@code T0 = 0}).
 * <p>
 * The engine reads no clock: callers pass the time in seconds since the epoch, taken from
 * their injected clock. Steps are 64-bit, so times after 2038 work (RFC 6238 §4). To
 * check a typed code against several steps, compute {@link #step(long, int)} and use
 * {@link OtpGenerator} with a {@link CodeWindow}. Stateless and thread-safe.
 */
public final class Totp {

	private Totp() {
	}

	/**
	 * Returns the time step {@code T = floor((t - T0) / X)} with {@code T0 = 0} (RFC 6238
	 * §4.2).
	 * @param epochSecond the time {@code t} in seconds since 1970-01-01T00:00:00Z, at
	 * least 0
	 * @param stepSeconds the step size {@code X} in seconds, at least 1 (tokens use 30 or
	 * 60)
	 * @return the step, at least 0
	 * @throws IllegalArgumentException if the time is negative or the step size not
	 * positive
	 */
	public static long step(long epochSecond, int stepSeconds) {
		if (epochSecond < 0) {
			throw new IllegalArgumentException("epochSecond must not be negative, was " + epochSecond);
		}
		if (stepSeconds <= 0) {
			throw new IllegalArgumentException("stepSeconds must be positive, was " + stepSeconds);
		}
		return epochSecond / stepSeconds;
	}

	/**
	 * Computes the code at a point in time (RFC 6238 §4.2).
	 * @param key the shared secret, at least one byte; RFC 6238 §5.1 suggests the MAC
	 * length (20, 32 or 64 bytes)
	 * @param epochSecond the time in seconds since the epoch, at least 0
	 * @param stepSeconds the step size in seconds, at least 1
	 * @param parameters the hash function and number of digits
	 * @return the code, exactly {@code digits} ASCII digits with leading zeros kept
	 * @throws IllegalArgumentException if the key is empty, the time negative or the step
	 * size not positive
	 */
	public static String generate(byte[] key, long epochSecond, int stepSeconds, OtpParameters parameters) {
		return Hotp.generate(key, step(epochSecond, stepSeconds), parameters);
	}

}
