package io.keyfob.authmethod;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.keyfob.authmethod.MethodEvents.MethodLockedOut;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Metrics of the verify path: {@code keyfob.verifications} (a timer with a latency
 * histogram, by outcome and channel; Prometheus:
 * {@code keyfob_verifications_seconds_bucket}) and {@code keyfob.lockouts} (methods
 * locked by wrong codes, by channel).
 */
@Component
final class VerificationMetrics {

	static final String VERIFICATIONS = "keyfob.verifications";

	static final String LOCKOUTS = "keyfob.lockouts";

	private final MeterRegistry registry;

	VerificationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Time one verification.
	 * @param context where the code came from
	 * @param check the verification
	 * @return its answer
	 */
	Verification time(VerificationContext context, Supplier<Verification> check) {
		long start = System.nanoTime();
		String outcome = "error";
		try {
			Verification answer = check.get();
			outcome = answer.outcome().name().toLowerCase(Locale.ROOT);
			return answer;
		}
		finally {
			Timer.builder(VERIFICATIONS)
				.description("Code verifications at sign-in and through the verify API")
				.tag("outcome", outcome)
				.tag("channel", channel(context))
				.publishPercentileHistogram()
				.register(this.registry)
				.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	@EventListener
	void on(MethodLockedOut event) {
		Counter.builder(LOCKOUTS)
			.description("Methods locked by wrong codes")
			.tag("channel", (event.context() != null) ? channel(event.context()) : "activation")
			.register(this.registry)
			.increment();
	}

	private static String channel(VerificationContext context) {
		return context.channel().name().toLowerCase(Locale.ROOT);
	}

}
