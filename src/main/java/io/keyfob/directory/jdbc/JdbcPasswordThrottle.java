package io.keyfob.directory.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Consecutive password failures per sign-in name. Every change is one statement, so
 * several nodes count together.
 */
@Repository
public class JdbcPasswordThrottle {

	private static final String SELECT = "select failures, blocked_until from password_throttle where name_key = :key";

	private static final String INCREMENT = "update password_throttle set failures = failures + 1 where name_key = :key";

	private static final String INSERT = "insert into password_throttle (name_key, failures) values (:key, 1)";

	private static final String BLOCK = "update password_throttle set blocked_until = :until where name_key = :key";

	private static final String DELETE = "delete from password_throttle where name_key = :key";

	private final JdbcClient jdbc;

	JdbcPasswordThrottle(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<State> find(String nameKey) {
		return this.jdbc.sql(SELECT).param("key", nameKey).query((rs, row) -> {
			OffsetDateTime until = rs.getObject("blocked_until", OffsetDateTime.class);
			return new State(rs.getInt("failures"), (until != null) ? until.toInstant() : null);
		}).optional();
	}

	/**
	 * Count one more failure for a name that has failures already.
	 * @param nameKey the lower-cased sign-in name
	 * @return {@code false} when the name has no row yet
	 */
	public boolean increment(String nameKey) {
		return this.jdbc.sql(INCREMENT).param("key", nameKey).update() > 0;
	}

	/**
	 * Count the first failure of a name.
	 * @param nameKey the lower-cased sign-in name
	 * @throws org.springframework.dao.DuplicateKeyException when another request counted
	 * it first; run this in a nested transaction so the outer one survives that
	 */
	public void insertFirst(String nameKey) {
		this.jdbc.sql(INSERT).param("key", nameKey).update();
	}

	public void block(String nameKey, Instant until) {
		this.jdbc.sql(BLOCK).param("key", nameKey).param("until", until.atOffset(ZoneOffset.UTC)).update();
	}

	public void reset(String nameKey) {
		this.jdbc.sql(DELETE).param("key", nameKey).update();
	}

	/**
	 * The failures counted for a name.
	 *
	 * @param failures consecutive failures
	 * @param blockedUntil no check before this time, or {@code null}
	 */
	public record State(int failures, @Nullable Instant blockedUntil) {
	}

}
