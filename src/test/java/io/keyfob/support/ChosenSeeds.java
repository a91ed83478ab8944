package io.keyfob.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.keyfob.otp.HashFunction;
import io.keyfob.otp.OtpGenerator;
import io.keyfob.otp.OtpParameters;
import io.keyfob.otp.Totp;
import io.keyfob.token.CheckWindow;

/**
 * Seeds for test tokens, from a fixed sequence rather than a random source, and chosen so
 * that no code a test sends also shows at another step of the widest window the server
 * searches. A 6-digit code shows by chance at another step of the 5,761-step activation
 * window about once in 170, which would make a test pass or fail by luck.
 */
public final class ChosenSeeds {

	/**
	 * Steps either side of each token time that tests may use: they move the clock by a
	 * few minutes (throttles, next codes) but not further.
	 */
	static final int SLACK = 10;

	private static final OtpParameters SHA1_6 = new OtpParameters(HashFunction.HMAC_SHA1, 6);

	private static final AtomicLong sequence = new AtomicLong();

	private ChosenSeeds() {
	}

	/**
	 * The next seed of the fixed sequence: distinct within a test run, the same in every
	 * run.
	 * @return 20 bytes
	 */
	public static byte[] next() {
		return numbered(sequence.incrementAndGet());
	}

	/**
	 * A seed for a 30-second SHA-1 6-digit TOTP token whose codes near the server's time,
	 * and near the token's time for each clock offset, show at no other step of the
	 * activation window (and so of any narrower one).
	 * @param serverTime the server's time when the test sends the codes
	 * @param tokenOffsets how far the token's clock may be off (ahead positive)
	 * @return 20 bytes
	 */
	public static byte[] totp(Instant serverTime, Duration... tokenOffsets) {
		long centre = Totp.step(serverTime.getEpochSecond(), 30);
		long[] used = usedSteps(centre, tokenOffsets);
		long from = centre - CheckWindow.ACTIVATION_RADIUS - SLACK;
		long to = centre + CheckWindow.ACTIVATION_RADIUS + SLACK;
		for (int attempt = 0; attempt < 1000; attempt++) {
			byte[] seed = next();
			if (eachShowsOnce(seed, used, from, to)) {
				return seed;
			}
		}
		throw new IllegalStateException("No seed of the sequence keeps the codes apart; use fewer offsets");
	}

	/**
	 * A seed for a SHA-1 6-digit HOTP token whose codes for counters up to
	 * {@code lastCounter} show at no other counter within the resync look-ahead past it.
	 * @param lastCounter the highest counter the test presses
	 * @return 20 bytes
	 */
	public static byte[] hotp(int lastCounter) {
		long[] used = new long[lastCounter + 1];
		Arrays.setAll(used, (i) -> i);
		for (int attempt = 0; attempt < 1000; attempt++) {
			byte[] seed = next();
			if (eachShowsOnce(seed, used, 0, lastCounter + CheckWindow.RESYNC_LOOK_AHEAD)) {
				return seed;
			}
		}
		throw new IllegalStateException("No seed of the sequence keeps the codes apart; press fewer times");
	}

	private static long[] usedSteps(long centre, Duration... tokenOffsets) {
		long[] used = new long[(tokenOffsets.length + 1) * (2 * SLACK + 1)];
		int i = 0;
		for (int o = -1; o < tokenOffsets.length; o++) {
			long offset = (o < 0) ? 0 : Math.floorDiv(tokenOffsets[o].toSeconds(), 30);
			for (int k = -SLACK; k <= SLACK; k++) {
				used[i++] = centre + offset + k;
			}
		}
		return used;
	}

	private static boolean eachShowsOnce(byte[] seed, long[] used, long from, long to) {
		OtpGenerator generator = OtpGenerator.of(seed, SHA1_6);
		Map<String, Integer> shows = new HashMap<>();
		for (long step = from; step <= to; step++) {
			shows.merge(generator.codeAt(step), 1, Integer::sum);
		}
		for (long step : used) {
			if (shows.getOrDefault(generator.codeAt(step), 0) > 1) {
				return false;
			}
		}
		return true;
	}

	private static byte[] numbered(long n) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("keyfob test seed " + n).getBytes(StandardCharsets.US_ASCII));
			return Arrays.copyOf(digest, 20);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
