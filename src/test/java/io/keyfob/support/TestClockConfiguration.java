package io.keyfob.support;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the wall clock with a {@link MutableClock} that tests move by hand.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	/** A fixed start, in the middle of a 30-second step. */
	public static final Instant START = Instant.parse("2026-11-26T12:00:10Z");

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock(START);
	}

}
