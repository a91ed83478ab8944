package io.keyfob.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.keyfob.directory.jdbc.JdbcPasswordThrottle;
import io.keyfob.directory.jdbc.JdbcUsers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows password guessing per sign-in name: after {@value #FREE_FAILURES} consecutive
 * failures each further attempt waits, five seconds doubling on every failure up to
 * {@link #MAX_WAIT}. Names that belong to nobody are counted the same way, so the
 * throttle reveals no user. A right password clears the count.
 */
@Component
final class PasswordThrottle {

	static final int FREE_FAILURES = 5;

	static final Duration FIRST_WAIT = Duration.ofSeconds(5);

	static final Duration MAX_WAIT = Duration.ofMinutes(15);

	private final JdbcPasswordThrottle throttle;

	private final Clock clock;

	private final TransactionTemplate nested;

	PasswordThrottle(JdbcPasswordThrottle throttle, Clock clock, PlatformTransactionManager transactions) {
		this.throttle = throttle;
		this.clock = clock;
		this.nested = new TransactionTemplate(transactions);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	Optional<Instant> blockedUntil(String name) {
		Instant now = this.clock.instant();
		return this.throttle.find(JdbcUsers.key(name))
			.map(JdbcPasswordThrottle.State::blockedUntil)
			.filter((until) -> until.isAfter(now));
	}

	void failed(String name) {
		String key = JdbcUsers.key(name);
		if (!this.throttle.increment(key)) {
			try {
				this.nested.executeWithoutResult((status) -> this.throttle.insertFirst(key));
			}
			catch (DuplicateKeyException ex) {
				this.throttle.increment(key);
			}
		}
		int failures = this.throttle.find(key).map(JdbcPasswordThrottle.State::failures).orElse(1);
		if (failures >= FREE_FAILURES) {
			this.throttle.block(key, this.clock.instant().plus(wait(failures)));
		}
	}

	void succeeded(String name) {
		this.throttle.reset(JdbcUsers.key(name));
	}

	static Duration wait(int failures) {
		int doublings = Math.min(failures - FREE_FAILURES, 20);
		Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
		return (wait.compareTo(MAX_WAIT) > 0) ? MAX_WAIT : wait;
	}

}
