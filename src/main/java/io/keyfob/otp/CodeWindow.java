package io.keyfob.otp;

/**
 * A range of HOTP counters or TOTP time steps to search for a typed code, and the value
 * the search prefers when several match.
 * <p>
 * Values are counters as non-negative {@code long}s (0 to {@link Long#MAX_VALUE}); the
 * unsigned upper half of the 64-bit counter space that {@link Hotp} accepts is not
 * searchable, which no real token reaches. A window holds at most {@value #MAX_SIZE}
 * values, enough for Entra's activation window of ±2 days of 60-second steps and small
 * enough that a caller mistake cannot turn one check into minutes of work.
 * <p>
 * When several values in the window match (about once in {@code 10^digits / size}
 * checks), the one nearest to {@link #centre()} wins, and of two equally near the lower
 * one. The typical windows: {@link #around(long, int)} for TOTP sign-in and activation,
 * where the expected step is in the middle, and {@link #ahead(long, int)} for HOTP
 * look-ahead and resynchronisation, where the next expected counter is at the start.
 *
 * @param from the first value, at least 0
 * @param toInclusive the last value, at least {@code from}
 * @param centre the preferred value, between {@code from} and {@code toInclusive}
 */
public record CodeWindow(long from, long toInclusive, long centre) {

	/** The most values a window may hold. */
	public static final int MAX_SIZE = 100_000;

	/**
	 * Creates a window, checking its bounds.
	 * @param from the first value, at least 0
	 * @param toInclusive the last value, at least {@code from}
	 * @param centre the preferred value, between {@code from} and {@code toInclusive}
	 * @throws IllegalArgumentException if the bounds are out of order, negative or more
	 * than {@value #MAX_SIZE} apart
	 */
	public CodeWindow {
		if (from < 0 || toInclusive < from) {
			throw new IllegalArgumentException(
					"A window needs 0 <= from <= toInclusive, was " + from + " to " + toInclusive);
		}
		if (toInclusive - from >= MAX_SIZE) {
			throw new IllegalArgumentException("A window holds at most " + MAX_SIZE + " values");
		}
		if (centre < from || centre > toInclusive) {
			throw new IllegalArgumentException("The centre must lie inside the window");
		}
	}

	/**
	 * Creates a window from {@code from} to {@code toInclusive} that prefers its middle
	 * (the lower middle for an even size).
	 * @param from the first value, at least 0
	 * @param toInclusive the last value, at least {@code from}
	 * @return the window
	 */
	public static CodeWindow between(long from, long toInclusive) {
		return new CodeWindow(from, toInclusive, from + (toInclusive - from) / 2);
	}

	/**
	 * Creates a window of {@code radius} values either side of {@code centre}, cut off at
	 * 0. For example TOTP sign-in with {@code around(currentStep + drift, 2)}.
	 * @param centre the expected value, at least 0
	 * @param radius how many values either side, at least 0
	 * @return the window
	 */
	public static CodeWindow around(long centre, int radius) {
		requireNonNegative(radius, "radius");
		requireNonNegative(centre, "centre");
		return new CodeWindow(Math.max(0, centre - radius), plus(centre, radius), centre);
	}

	/**
	 * Creates a window from {@code next} to {@code next + lookAhead} that prefers
	 * {@code next}. For example HOTP look-ahead 10 with {@code ahead(nextCounter, 10)},
	 * which searches 11 counters.
	 * @param next the next expected counter, at least 0
	 * @param lookAhead how many counters after {@code next}, at least 0
	 * @return the window
	 */
	public static CodeWindow ahead(long next, int lookAhead) {
		requireNonNegative(lookAhead, "lookAhead");
		return new CodeWindow(next, plus(next, lookAhead), next);
	}

	/**
	 * Returns how many values the window holds.
	 * @return 1 to {@value #MAX_SIZE}
	 */
	public int size() {
		return (int) (this.toInclusive - this.from + 1);
	}

	private static long plus(long value, int increment) {
		if (value > Long.MAX_VALUE - increment) {
			throw new IllegalArgumentException("A window may not reach beyond Long.MAX_VALUE");
		}
		return value + increment;
	}

	private static void requireNonNegative(long value, String name) {
		if (value < 0) {
			throw new IllegalArgumentException(name + " must not be negative, was " + value);
		}
	}

}
