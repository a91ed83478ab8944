package io.keyfob.audit;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Entry ids in the layout of RFC 9562's version 7: 48 bits of Unix milliseconds, then a
 * 12-bit counter, then random bits. Ids made by one node increase strictly, so entries
 * with the same activity time (the same microsecond, or a clock that tests hold still)
 * still list in the order they were written. The milliseconds come from the system clock,
 * not the application clock: the id orders, the activity time tells the time.
 */
final class TimeOrderedIds {

	private static final SecureRandom random = new SecureRandom();

	/** Milliseconds in the high bits, the counter in the low 12. */
	private static final AtomicLong last = new AtomicLong();

	private TimeOrderedIds() {
	}

	static UUID next() {
		long now = System.currentTimeMillis() << 12;
		long stamp = last.accumulateAndGet(now, (previous, candidate) -> Math.max(previous + 1, candidate));
		long millis = stamp >>> 12;
		long counter = stamp & 0xFFF;
		long high = (millis << 16) | (0x7L << 12) | counter;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

}
