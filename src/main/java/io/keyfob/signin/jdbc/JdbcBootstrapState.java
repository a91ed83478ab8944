package io.keyfob.signin.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether the first start's bootstrap has been done.
 */
@Repository
public class JdbcBootstrapState {

	private static final String SELECT = "select completed_date_time from bootstrap_state where id = 1";

	private static final String INSERT = """
			insert into bootstrap_state (id, completed_date_time, admin_user_id, client_id)
			values (1, :completed, :admin, :client)
			""";

	private final JdbcClient jdbc;

	JdbcBootstrapState(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Instant> completed() {
		return this.jdbc.sql(SELECT).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
	}

	/**
	 * Mark the bootstrap done.
	 * @param now the time
	 * @param adminUserId the admin created or found
	 * @param clientId the bootstrap client
	 * @throws org.springframework.dao.DuplicateKeyException when another node did it
	 * first
	 */
	public void complete(Instant now, @Nullable UUID adminUserId, String clientId) {
		this.jdbc.sql(INSERT)
			.param("completed", now.atOffset(ZoneOffset.UTC))
			.param("admin", adminUserId)
			.param("client", clientId)
			.update();
	}

}
