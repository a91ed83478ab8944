package io.keyfob.accesspass.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When the passes that are not used up end, for counting those in use. The end of each is
 * computed here, not in SQL, which spells date arithmetic differently on each database.
 */
@Repository
public class JdbcAccessPassEnds {

	private static final String SELECT = """
			select start_date_time, lifetime_in_minutes from temporary_access_pass
			where used_date_time is null and start_date_time > :earliest
			""";

	private final JdbcClient jdbc;

	JdbcAccessPassEnds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The ends of the passes not used up that start after an instant.
	 * @param earliest passes that start at or before it are not read
	 * @return when each pass ends
	 */
	public List<Instant> unusedStartingAfter(Instant earliest) {
		return this.jdbc.sql(SELECT)
			.param("earliest", earliest.atOffset(ZoneOffset.UTC))
			.query((rs, row) -> rs.getObject("start_date_time", OffsetDateTime.class)
				.toInstant()
				.plus(Duration.ofMinutes(rs.getInt("lifetime_in_minutes"))))
			.list();
	}

}
