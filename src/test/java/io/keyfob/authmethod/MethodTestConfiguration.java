package io.keyfob.authmethod;

import java.time.Clock;
import java.time.Instant;

import io.keyfob.support.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the tests move and a directory they fill, in place of the real ones.
 */
@TestConfiguration(proxyBeanMethods = false)
class MethodTestConfiguration {

	/** A Tuesday noon, well away from any step boundary trouble. */
	static final Instant START = Instant.parse("2026-11-24T12:00:05Z");

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock(START);
	}

	@Bean
	@Primary
	TestUserRules testUserRules() {
		return new TestUserRules();
	}

}
