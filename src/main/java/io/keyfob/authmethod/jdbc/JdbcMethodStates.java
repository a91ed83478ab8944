package io.keyfob.authmethod.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.shared.secret.SealedSecret;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The method state table. Callers that change a row first lock it with
 * {@link #lockForUpdate}, so attempts on one user's token are counted one after another
 * even across nodes: parallel guessing gains nothing.
 */
@Repository
public class JdbcMethodStates {

	private static final String COLUMNS = """
			user_id, token_id, registered_date_time, failures, last_failure_date_time, locked_until,
			last_wrong_key_id, last_wrong_nonce, last_wrong_ciphertext, pending_drift_steps, pending_position,
			pending_expires
			""";

	private static final String INSERT_IF_ABSENT = """
			insert into hardware_oath_method_state (user_id, token_id, failures)
			values (:userId, :tokenId, 0)
			on conflict do nothing
			""";

	private static final String SELECT_FOR_UPDATE = "select " + COLUMNS
			+ " from hardware_oath_method_state where user_id = :userId and token_id = :tokenId for update";

	private static final String SELECT = "select " + COLUMNS
			+ " from hardware_oath_method_state where user_id = :userId and token_id = :tokenId";

	private static final String SELECT_BY_USER = "select " + COLUMNS
			+ " from hardware_oath_method_state where user_id = :userId";

	private static final String SELECT_BY_TOKENS = "select " + COLUMNS
			+ " from hardware_oath_method_state where token_id in (:tokenIds)";

	private static final String UPDATE = """
			update hardware_oath_method_state
			set registered_date_time = :registered, failures = :failures, last_failure_date_time = :lastFailure,
				locked_until = :lockedUntil, last_wrong_key_id = :wrongKeyId, last_wrong_nonce = :wrongNonce,
				last_wrong_ciphertext = :wrongCiphertext, pending_drift_steps = :pendingDrift,
				pending_position = :pendingPosition, pending_expires = :pendingExpires
			where user_id = :userId and token_id = :tokenId
			""";

	private static final String DELETE = "delete from hardware_oath_method_state where user_id = :userId and token_id = :tokenId";

	private final JdbcClient jdbc;

	JdbcMethodStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Read a row, creating it if needed, and lock it until the current transaction ends.
	 * @param userId the user
	 * @param tokenId the token
	 * @return the state
	 */
	public MethodState lockForUpdate(UUID userId, UUID tokenId) {
		// the row nearly always exists: lock it with one statement, and insert it only
		// when it is missing (the insert then waits for, or ignores, a parallel one)
		Optional<MethodState> state = selectForUpdate(userId, tokenId);
		if (state.isPresent()) {
			return state.get();
		}
		this.jdbc.sql(INSERT_IF_ABSENT).param("userId", userId).param("tokenId", tokenId).update();
		return selectForUpdate(userId, tokenId).orElseThrow();
	}

	private Optional<MethodState> selectForUpdate(UUID userId, UUID tokenId) {
		return this.jdbc.sql(SELECT_FOR_UPDATE)
			.param("userId", userId)
			.param("tokenId", tokenId)
			.query(STATE)
			.optional();
	}

	public Optional<MethodState> find(UUID userId, UUID tokenId) {
		return this.jdbc.sql(SELECT).param("userId", userId).param("tokenId", tokenId).query(STATE).optional();
	}

	public List<MethodState> findByUser(UUID userId) {
		return this.jdbc.sql(SELECT_BY_USER).param("userId", userId).query(STATE).list();
	}

	public List<MethodState> findByTokens(Collection<UUID> tokenIds) {
		if (tokenIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT_BY_TOKENS).param("tokenIds", tokenIds).query(STATE).list();
	}

	/**
	 * Store a row read with {@link #lockForUpdate}.
	 * @param state the new state
	 */
	public void save(MethodState state) {
		SealedSecret wrong = state.lastWrongCode();
		this.jdbc.sql(UPDATE)
			.param("userId", state.userId())
			.param("tokenId", state.tokenId())
			.param("registered", utc(state.registered()))
			.param("failures", state.failures())
			.param("lastFailure", utc(state.lastFailure()))
			.param("lockedUntil", utc(state.lockedUntil()))
			.param("wrongKeyId", (wrong != null) ? wrong.keyId() : null)
			.param("wrongNonce", (wrong != null) ? wrong.nonce() : null)
			.param("wrongCiphertext", (wrong != null) ? wrong.ciphertext() : null)
			.param("pendingDrift", state.pendingDrift())
			.param("pendingPosition", state.pendingPosition())
			.param("pendingExpires", utc(state.pendingExpires()))
			.update();
	}

	public void delete(UUID userId, UUID tokenId) {
		this.jdbc.sql(DELETE).param("userId", userId).param("tokenId", tokenId).update();
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static final RowMapper<MethodState> STATE = (rs, row) -> {
		String wrongKeyId = rs.getString("last_wrong_key_id");
		SealedSecret wrong = (wrongKeyId != null)
				? new SealedSecret(wrongKeyId, rs.getBytes("last_wrong_nonce"), rs.getBytes("last_wrong_ciphertext"))
				: null;
		return new MethodState(rs.getObject("user_id", UUID.class), rs.getObject("token_id", UUID.class),
				instant(rs, "registered_date_time"), rs.getInt("failures"), instant(rs, "last_failure_date_time"),
				instant(rs, "locked_until"), wrong, rs.getObject("pending_drift_steps", Integer.class),
				rs.getObject("pending_position", Long.class), instant(rs, "pending_expires"));
	};

}
