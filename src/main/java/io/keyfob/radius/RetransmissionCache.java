package io.keyfob.radius;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Answers to recent requests, so that a NAS's retransmission (same source, identifier and
 * Request Authenticator) within {@value #TTL_SECONDS} seconds gets the same answer
 * without a second check (RFC 5080 §2.2.2): a right code must not turn into a replay
 * rejection because the first answer was late. A retransmission of a request still being
 * checked gets nothing; the answer to the first is on its way.
 * <p>
 * Per node and in memory on purpose: a NAS retransmits to the server it sent to, and the
 * cache holds only requests whose Message-Authenticator or secret was right, at most
 * {@value #MAX_ENTRIES} of them. Thread-safe.
 */
final class RetransmissionCache {

	static final int TTL_SECONDS = 30;

	static final int MAX_ENTRIES = 100_000;

	private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(TTL_SECONDS);

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * Look a request up, and mark it as being checked if it is new.
	 * @param key the source and the request's identifier and authenticator
	 * @param now {@link System#nanoTime()}
	 * @return the cached answer, {@link Lookup.InProgress}, or {@link Lookup.Fresh} when
	 * the caller must check it and then call {@link #finish} or {@link #abandon}
	 */
	Lookup begin(String key, long now) {
		if (this.entries.size() >= MAX_ENTRIES) {
			this.entries.values().removeIf((entry) -> expired(entry, now));
		}
		Entry[] seen = new Entry[1];
		this.entries.compute(key, (k, current) -> {
			if (current != null && !expired(current, now)) {
				seen[0] = current;
				return current;
			}
			return new Entry(now, null);
		});
		if (seen[0] == null) {
			return new Lookup.Fresh();
		}
		return (seen[0].answer() != null) ? new Lookup.Cached(seen[0].answer()) : new Lookup.InProgress();
	}

	void finish(String key, byte[] answer, long now) {
		this.entries.put(key, new Entry(now, answer));
	}

	void abandon(String key) {
		this.entries.remove(key);
	}

	private static boolean expired(Entry entry, long now) {
		return now - entry.at() > TTL_NANOS;
	}

	private record Entry(long at, byte @org.jspecify.annotations.Nullable [] answer) {
	}

	/**
	 * What the cache knows of a request.
	 */
	sealed interface Lookup {

		/** A new request: check it. */
		record Fresh() implements Lookup {
		}

		/** The same request is being checked now. */
		record InProgress() implements Lookup {
		}

		/**
		 * Answered before: send this again.
		 *
		 * @param answer the datagram sent before
		 */
		record Cached(byte[] answer) implements Lookup {
		}

	}

}
