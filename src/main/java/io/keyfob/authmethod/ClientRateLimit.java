package io.keyfob.authmethod;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code keyfob.verify.client-rate-limit} codes per second from one client of the
 * verify API, per node (a token bucket holding one second's worth), so that one
 * integration cannot lock everyone out by guessing. A client over its limit gets
 * {@code tooManyRequests} (HTTP 429) and the user's lock state is not touched;
 * {@code keyfob.verify.throttled} counts the refusals. 0 turns the limit off.
 */
@Component
final class ClientRateLimit {

	static final String THROTTLED = "keyfob.verify.throttled";

	private final double perSecond;

	private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final Counter throttled;

	ClientRateLimit(@Value("${keyfob.verify.client-rate-limit:1000}") double perSecond, MeterRegistry meters) {
		this.perSecond = perSecond;
		this.throttled = Counter.builder(THROTTLED)
			.description("Verify API requests refused because their client sent too many")
			.register(meters);
	}

	/**
	 * Take one code's worth from a client's budget.
	 * @param context where the code came from
	 * @throws KeyfobException {@code tooManyRequests} when the client is over its limit
	 */
	void acquire(VerificationContext context) {
		String client = context.clientId();
		if (this.perSecond <= 0 || context.channel() != VerificationContext.Channel.VERIFY_API || client == null) {
			return;
		}
		Bucket bucket = this.buckets.computeIfAbsent(client, (id) -> new Bucket(this.perSecond, System.nanoTime()));
		if (!bucket.take(this.perSecond, System.nanoTime())) {
			this.throttled.increment();
			throw new KeyfobException(ErrorKind.TOO_MANY_REQUESTS, "tooManyRequests", "This client sent more than "
					+ (long) this.perSecond + " codes per second. Slow down and retry in a second.");
		}
	}

	/** A token bucket: refills at the rate, holds at most one second's worth. */
	private static final class Bucket {

		private double tokens;

		private long last;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.last = now;
		}

		synchronized boolean take(double rate, long now) {
			this.tokens = Math.min(rate, this.tokens + (now - this.last) / 1e9 * rate);
			this.last = now;
			if (this.tokens < 1) {
				return false;
			}
			this.tokens -= 1;
			return true;
		}

	}

}
