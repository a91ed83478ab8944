package io.keyfob.radius;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counters of the RADIUS server: {@value #DROPPED} by reason (requests that got no
 * answer), {@value #ANSWERED} by answer code, {@value #RETRANSMITTED} (answered from the
 * retransmission cache).
 */
@Component
final class RadiusMetrics {

	static final String DROPPED = "keyfob.radius.dropped";

	static final String ANSWERED = "keyfob.radius.answered";

	static final String RETRANSMITTED = "keyfob.radius.retransmissions";

	private final MeterRegistry registry;

	RadiusMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void dropped(Drop reason) {
		Counter.builder(DROPPED)
			.description("RADIUS requests dropped without an answer")
			.tag("reason", reason.tag())
			.register(this.registry)
			.increment();
	}

	void answered(String code) {
		Counter.builder(ANSWERED)
			.description("RADIUS answers sent")
			.tag("code", code)
			.register(this.registry)
			.increment();
	}

	void retransmitted() {
		Counter.builder(RETRANSMITTED)
			.description("RADIUS requests answered again from the retransmission cache")
			.register(this.registry)
			.increment();
	}

	/**
	 * Why a request got no answer.
	 */
	enum Drop {

		/** Wrong lengths, bad attributes: not a RADIUS packet we can read. */
		MALFORMED,

		/** A packet code the server does not answer (accounting, CoA, answers). */
		UNSUPPORTED,

		/** The source address is no registered RADIUS client. */
		UNKNOWN_CLIENT,

		/** The Message-Authenticator does not match: a wrong shared secret, or forged. */
		BAD_AUTHENTICATOR,

		/**
		 * The User-Password is no text once revealed: a wrong shared secret on a client
		 * that sends no Message-Authenticator.
		 */
		UNREADABLE_PASSWORD,

		/** A User-Name longer than any user principal name, after the realm rules. */
		USER_NAME_TOO_LONG,

		/** The client must send a Message-Authenticator and did not. */
		MISSING_MESSAGE_AUTHENTICATOR,

		/** Every worker busy and the queue full. */
		OVERLOADED,

		/** A retransmission of a request still being checked: its answer is coming. */
		IN_PROGRESS,

		/** Checking failed unexpectedly (the database is down, say). */
		ERROR;

		String tag() {
			String name = name().toLowerCase(Locale.ROOT);
			StringBuilder camel = new StringBuilder();
			boolean upper = false;
			for (char c : name.toCharArray()) {
				if (c == '_') {
					upper = true;
				}
				else {
					camel.append(upper ? Character.toUpperCase(c) : c);
					upper = false;
				}
			}
			return camel.toString();
		}

	}

}
