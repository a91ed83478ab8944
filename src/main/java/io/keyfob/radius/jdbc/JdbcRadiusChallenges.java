package io.keyfob.radius.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code radius_challenge} table: the States of challenge-mode sign-ins waiting for
 * their code.
 */
@Repository
public class JdbcRadiusChallenges {

	private static final String INSERT = """
			insert into radius_challenge (state, client_id, user_id, expires_at)
			values (:state, :clientId, :userId, :expiresAt)""";

	private static final String SELECT = "select client_id, user_id, expires_at from radius_challenge where state = :state";

	private static final String DELETE = "delete from radius_challenge where state = :state";

	private static final String DELETE_EXPIRED = "delete from radius_challenge where expires_at <= :now";

	private final JdbcClient jdbc;

	JdbcRadiusChallenges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(String state, UUID clientId, UUID userId, Instant expiresAt) {
		this.jdbc.sql(INSERT)
			.param("state", state)
			.param("clientId", clientId)
			.param("userId", userId)
			.param("expiresAt", expiresAt.atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Take a State: read it and delete it. Of several nodes taking one State at once,
	 * only the one whose delete removed the row gets it.
	 * @param state the State
	 * @return the challenge, if this call took it
	 */
	public Optional<Challenge> take(String state) {
		Optional<Challenge> challenge = this.jdbc.sql(SELECT)
			.param("state", state)
			.query((rs, row) -> new Challenge(rs.getObject("client_id", UUID.class),
					rs.getObject("user_id", UUID.class), rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
			.optional();
		if (challenge.isEmpty() || this.jdbc.sql(DELETE).param("state", state).update() == 0) {
			return Optional.empty();
		}
		return challenge;
	}

	public int deleteExpired(Instant now) {
		return this.jdbc.sql(DELETE_EXPIRED).param("now", now.atOffset(ZoneOffset.UTC)).update();
	}

	/**
	 * A challenge as stored.
	 *
	 * @param clientId the RADIUS client that got it
	 * @param userId the user whose password was right
	 * @param expiresAt when it stops being valid
	 */
	public record Challenge(UUID clientId, UUID userId, Instant expiresAt) {
	}

}
