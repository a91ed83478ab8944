package io.keyfob.accesspass;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.keyfob.accesspass.jdbc.JdbcAccessPassEnds;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many Temporary Access Passes are in use, for the admin dashboard: passes not used
 * up whose lifetime has not ended (including those that start later). A pass lives at
 * most {@link TemporaryAccessPassPolicy#LIFETIME_CEILING} minutes, so only passes that
 * started within that span are read.
 */
@Service
public class AccessPassesInUse {

	private final JdbcAccessPassEnds ends;

	private final Clock clock;

	AccessPassesInUse(JdbcAccessPassEnds ends, Clock clock) {
		this.ends = ends;
		this.clock = clock;
	}

	/**
	 * Count the passes in use now.
	 * @return passes neither used up nor expired
	 */
	@Transactional(readOnly = true)
	public long count() {
		Instant now = this.clock.instant();
		Instant earliest = now.minus(Duration.ofMinutes(TemporaryAccessPassPolicy.LIFETIME_CEILING));
		return this.ends.unusedStartingAfter(earliest).stream().filter(now::isBefore).count();
	}

}
