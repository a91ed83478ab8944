package io.keyfob.signin;

import java.time.Clock;
import java.time.Duration;

import io.keyfob.signin.jdbc.JdbcAuthorizations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour, deletes the stored authorizations (codes and issued tokens) that expired
 * more than an hour ago; without it every token request would leave a row forever. Runs
 * on every node; the delete is the same on each.
 */
@Component
@EnableScheduling
class ExpiredAuthorizations {

	private static final Logger logger = LoggerFactory.getLogger(ExpiredAuthorizations.class);

	static final Duration GRACE = Duration.ofHours(1);

	private final JdbcAuthorizations authorizations;

	private final Clock clock;

	ExpiredAuthorizations(JdbcAuthorizations authorizations, Clock clock) {
		this.authorizations = authorizations;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
	void deleteExpired() {
		int deleted = this.authorizations.deleteExpiredBefore(this.clock.instant().minus(GRACE));
		if (deleted > 0) {
			logger.debug("Deleted {} expired authorizations", deleted);
		}
	}

}
