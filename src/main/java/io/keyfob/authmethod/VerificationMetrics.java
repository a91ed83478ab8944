package io.keyfob.authmethod;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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

	// one timer per outcome and channel, built once: building meters per request costs
	private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

	VerificationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Time one verification.
	 * @param context where the code came from
	 * @param check the verification
	 * @return its answer
	 */
	CodeOutcome time(VerificationContext context, Supplier<CodeOutcome> check) {
		long start = System.nanoTime();
		String outcome = "error";
		try {
			CodeOutcome answer = check.get();
			outcome = outcome(answer);
			return answer;
		}
		finally {
			timer(outcome, channel(context)).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
		}
	}

	private Timer timer(String outcome, String channel) {
		return this.timers.computeIfAbsent(outcome + "/" + channel,
				(key) -> Timer.builder(VERIFICATIONS)
					.description("Code verifications at sign-in and through the verify API")
					.tag("outcome", outcome)
					.tag("channel", channel)
					.publishPercentileHistogram()
					.register(this.registry));
	}

	private static String outcome(CodeOutcome answer) {
		if (answer instanceof CodeOutcome.Accepted) {
			return "accepted";
		}
		return (answer instanceof CodeOutcome.Rejected) ? "rejected" : "locked";
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
