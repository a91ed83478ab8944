package io.keyfob.token.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.keyfob.otp.HashFunction;
import io.keyfob.shared.secret.SealedSecret;
import io.keyfob.token.BlockReason;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.OtpType;
import io.keyfob.token.TokenBlock;
import io.keyfob.token.TokenStatus;
import io.keyfob.token.TokenValidity;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The token table. Every state change is one conditional statement, so two nodes can
 * never both accept one code or both win one assignment.
 */
@Repository
public class JdbcHardwareOathTokens {

	static final String COLUMNS = """
			id, serial_number, display_name, manufacturer, model, otp_type, hash_function, digits,
			time_interval_seconds, status, assigned_to, drift_steps, created_date_time, last_used_date_time, version,
			block_reason, blocked_by_user_id, blocked_by_app_id, blocked_date_time, valid_from, valid_until
			""";

	private static final String INSERT = """
			insert into hardware_oath_token (id, serial_number, serial_key, display_name, manufacturer, model,
				otp_type, hash_function, digits, time_interval_seconds, status, assigned_to, seed_key_id, seed_nonce,
				seed_ciphertext, hotp_counter, last_used_step, drift_steps, created_date_time, version, valid_from,
				valid_until)
			values (:id, :serialNumber, :serialKey, :displayName, :manufacturer, :model, :otpType, :hashFunction,
				:digits, :timeInterval, :status, :assignedTo, :keyId, :nonce, :ciphertext, :hotpCounter, null,
				:driftSteps, :created, 0, :validFrom, :validUntil)
			""";

	private static final String SELECT_BY_ID = "select " + COLUMNS + " from hardware_oath_token where id = :id";

	private static final String SELECT_BY_SERIAL = "select " + COLUMNS
			+ " from hardware_oath_token where serial_key = :serialKey";

	private static final String SELECT_BY_ASSIGNEE = "select " + COLUMNS
			+ " from hardware_oath_token where assigned_to = :userId order by created_date_time, id";

	private static final String UPDATE = """
			update hardware_oath_token
			set display_name = :displayName, manufacturer = :manufacturer, model = :model,
				hash_function = :hashFunction, time_interval_seconds = :timeInterval, status = :status,
				assigned_to = :assignedTo, last_used_date_time = case when :unassigned then null else last_used_date_time end,
				block_reason = :blockReason, blocked_by_user_id = :blockedByUser,
				blocked_by_app_id = :blockedByApp, blocked_date_time = :blockedDateTime, valid_from = :validFrom,
				valid_until = :validUntil, version = version + 1
			where id = :id and version = :version
			""";

	private static final String DELETE = "delete from hardware_oath_token where id = :id and version = :version";

	private static final String SELECT_CHECKABLE = "select " + COLUMNS
			+ ", seed_key_id, seed_nonce, seed_ciphertext, hotp_counter, last_used_step from hardware_oath_token ";

	// The replay guard: a step is accepted only if it is later than every step accepted
	// before, and never for a blocked token (a block racing a check wins).
	private static final String RECORD_STEP = """
			update hardware_oath_token
			set last_used_step = :step, drift_steps = :drift, last_used_date_time = :now
			where id = :id and (last_used_step is null or last_used_step < :step) and status <> 'BLOCKED'
			""";

	// The replay guard for HOTP: the counter only moves forward, past the matched value.
	private static final String RECORD_COUNTER = """
			update hardware_oath_token
			set hotp_counter = :next, last_used_date_time = :now
			where id = :id and hotp_counter <= :matched and status <> 'BLOCKED'
			""";

	private static final String RESET_DRIFT = "update hardware_oath_token set drift_steps = 0 where id = :id";

	private static final String SELECT_SERIAL_KEYS = "select serial_key from hardware_oath_token where serial_key in (:keys)";

	private static final String SELECT_BY_SERIAL_KEYS = "select serial_key, " + COLUMNS
			+ " from hardware_oath_token where serial_key in (:keys)";

	private static final String SELECT_SEEDS = """
			select id, seed_key_id, seed_nonce, seed_ciphertext from hardware_oath_token where id in (:ids)
			""";

	private static final int IN_LIST_CHUNK = 500;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcOperations batch;

	JdbcHardwareOathTokens(JdbcClient jdbc, NamedParameterJdbcOperations batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Insert a new token.
	 * @param token the token
	 * @param serialKey the normalised serial number
	 * @param seed the sealed seed
	 * @param hotpCounter the next HOTP counter, or {@code null} for TOTP
	 * @return {@code false} if the serial number is taken
	 */
	public boolean insert(HardwareOathToken token, String serialKey, SealedSecret seed, @Nullable Long hotpCounter) {
		try {
			this.jdbc.sql(INSERT).params(insertParameters(new NewRow(token, serialKey, seed, hotpCounter))).update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Insert many new tokens in one JDBC batch. The caller's transaction makes it all or
	 * nothing.
	 * @param rows the tokens
	 * @throws DuplicateKeyException if a serial number is taken
	 */
	public void insertAll(List<NewRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		SqlParameterSource[] batch = rows.stream()
			.map((row) -> new MapSqlParameterSource(insertParameters(row)))
			.toArray(SqlParameterSource[]::new);
		this.batch.batchUpdate(INSERT, batch);
	}

	/**
	 * Which of these serial keys are taken.
	 * @param serialKeys normalised serial numbers
	 * @return those already in the inventory
	 */
	public Set<String> existingSerialKeys(Collection<String> serialKeys) {
		Set<String> existing = new HashSet<>();
		for (List<String> chunk : chunks(serialKeys)) {
			existing.addAll(this.jdbc.sql(SELECT_SERIAL_KEYS).param("keys", chunk).query(String.class).list());
		}
		return existing;
	}

	/**
	 * The tokens with these serial keys.
	 * @param serialKeys normalised serial numbers
	 * @return the tokens found, by serial key
	 */
	public Map<String, HardwareOathToken> findBySerialKeys(Collection<String> serialKeys) {
		Map<String, HardwareOathToken> found = new HashMap<>();
		for (List<String> chunk : chunks(serialKeys)) {
			this.jdbc.sql(SELECT_BY_SERIAL_KEYS)
				.param("keys", chunk)
				.query((rs, row) -> Map.entry(rs.getString("serial_key"), TOKEN.mapRow(rs, row)))
				.list()
				.forEach((entry) -> found.put(entry.getKey(), entry.getValue()));
		}
		return found;
	}

	/**
	 * The sealed seeds of these tokens.
	 * @param ids token ids
	 * @return the seeds found, by token id
	 */
	public Map<UUID, SealedSecret> seeds(Collection<UUID> ids) {
		Map<UUID, SealedSecret> found = new HashMap<>();
		for (List<UUID> chunk : chunks(ids)) {
			this.jdbc.sql(SELECT_SEEDS)
				.param("ids", chunk)
				.query((rs, row) -> Map.entry(rs.getObject("id", UUID.class),
						new SealedSecret(rs.getString("seed_key_id"), rs.getBytes("seed_nonce"),
								rs.getBytes("seed_ciphertext"))))
				.list()
				.forEach((entry) -> found.put(entry.getKey(), entry.getValue()));
		}
		return found;
	}

	private static <T> List<List<T>> chunks(Collection<T> values) {
		List<T> all = List.copyOf(values);
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += IN_LIST_CHUNK) {
			chunks.add(all.subList(from, Math.min(all.size(), from + IN_LIST_CHUNK)));
		}
		return chunks;
	}

	private static Map<String, Object> insertParameters(NewRow row) {
		HardwareOathToken token = row.token();
		Map<String, Object> params = new HashMap<>();
		params.put("id", token.id());
		params.put("serialNumber", token.serialNumber());
		params.put("serialKey", row.serialKey());
		params.put("displayName", token.displayName());
		params.put("manufacturer", token.manufacturer());
		params.put("model", token.model());
		params.put("otpType", token.otpType().name());
		params.put("hashFunction", token.hashFunction().name());
		params.put("digits", token.digits());
		params.put("timeInterval", token.timeIntervalSeconds());
		params.put("status", token.status().name());
		params.put("assignedTo", token.assignedTo());
		params.put("keyId", row.seed().keyId());
		params.put("nonce", row.seed().nonce());
		params.put("ciphertext", row.seed().ciphertext());
		params.put("hotpCounter", row.hotpCounter());
		params.put("driftSteps", token.driftSteps());
		params.put("created", utc(token.createdDateTime()));
		params.put("validFrom", utcOrNull(token.validity().validFrom()));
		params.put("validUntil", utcOrNull(token.validity().validUntil()));
		return params;
	}

	/**
	 * A token to insert, with its normalised serial number and sealed seed.
	 *
	 * @param token the token
	 * @param serialKey the normalised serial number
	 * @param seed the sealed seed
	 * @param hotpCounter the next HOTP counter, or {@code null} for TOTP
	 */
	public record NewRow(HardwareOathToken token, String serialKey, SealedSecret seed, @Nullable Long hotpCounter) {
	}

	public Optional<HardwareOathToken> findById(UUID id) {
		return this.jdbc.sql(SELECT_BY_ID).param("id", id).query(TOKEN).optional();
	}

	public Optional<HardwareOathToken> findBySerialKey(String serialKey) {
		return this.jdbc.sql(SELECT_BY_SERIAL).param("serialKey", serialKey).query(TOKEN).optional();
	}

	public List<HardwareOathToken> findByAssignee(UUID userId) {
		return this.jdbc.sql(SELECT_BY_ASSIGNEE).param("userId", userId).query(TOKEN).list();
	}

	/**
	 * Store a changed token if nobody changed it since it was read.
	 * @param token the token, with the version it was read at
	 * @return {@code false} if the row changed in between (or is gone)
	 */
	public boolean update(HardwareOathToken token) {
		TokenBlock block = token.block();
		return this.jdbc.sql(UPDATE)
			.param("id", token.id())
			.param("version", token.version())
			.param("displayName", token.displayName())
			.param("manufacturer", token.manufacturer())
			.param("model", token.model())
			.param("hashFunction", token.hashFunction().name())
			.param("timeInterval", token.timeIntervalSeconds())
			.param("status", token.status().name())
			.param("assignedTo", token.assignedTo())
			.param("unassigned", token.assignedTo() == null)
			.param("blockReason", (block != null) ? block.reason().name() : null)
			.param("blockedByUser", (block != null) ? block.blockedByUserId() : null)
			.param("blockedByApp", (block != null) ? block.blockedByAppId() : null)
			.param("blockedDateTime", (block != null) ? utc(block.blockedDateTime()) : null)
			.param("validFrom", utcOrNull(token.validity().validFrom()))
			.param("validUntil", utcOrNull(token.validity().validUntil()))
			.update() == 1;
	}

	public boolean delete(HardwareOathToken token) {
		return this.jdbc.sql(DELETE).param("id", token.id()).param("version", token.version()).update() == 1;
	}

	/**
	 * A token with its seed and replay state, in one read.
	 * @param id the token
	 * @return the token and its state, or empty
	 */
	public Optional<Checkable> checkable(UUID id) {
		return this.jdbc.sql(SELECT_CHECKABLE + "where id = :id").param("id", id).query(CHECKABLE).optional();
	}

	/**
	 * A user's tokens in a given status with their seeds and replay state, in one read,
	 * ordered by id.
	 * @param userId the user
	 * @param status the status
	 * @return the tokens
	 */
	public List<Checkable> checkableByAssignee(UUID userId, TokenStatus status) {
		return this.jdbc.sql(SELECT_CHECKABLE + "where assigned_to = :userId and status = :status order by id")
			.param("userId", userId)
			.param("status", status.name())
			.query(CHECKABLE)
			.list();
	}

	/**
	 * A token and what checking its codes needs.
	 *
	 * @param token the token
	 * @param seedState its seed and replay state
	 */
	public record Checkable(HardwareOathToken token, SeedState seedState) {
	}

	private static final RowMapper<Checkable> CHECKABLE = (rs,
			row) -> new Checkable(JdbcHardwareOathTokens.TOKEN.mapRow(rs, row), seedState(rs, row));

	/**
	 * Accept a TOTP step unless it, or a later one, was accepted before.
	 * @return {@code false} if it is a replay
	 */
	public boolean recordStep(UUID id, long step, int driftSteps, Instant now) {
		return this.jdbc.sql(RECORD_STEP)
			.param("id", id)
			.param("step", step)
			.param("drift", driftSteps)
			.param("now", utc(now))
			.update() == 1;
	}

	/**
	 * Accept an HOTP counter value unless it was passed before.
	 * @return {@code false} if it is a replay
	 */
	public boolean recordCounter(UUID id, long matched, Instant now) {
		return this.jdbc.sql(RECORD_COUNTER)
			.param("id", id)
			.param("matched", matched)
			.param("next", matched + 1)
			.param("now", utc(now))
			.update() == 1;
	}

	public boolean resetDrift(UUID id) {
		return this.jdbc.sql(RESET_DRIFT).param("id", id).update() == 1;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static @Nullable OffsetDateTime utcOrNull(@Nullable Instant instant) {
		return (instant != null) ? utc(instant) : null;
	}

	static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static final RowMapper<HardwareOathToken> TOKEN = (rs, row) -> new HardwareOathToken(rs.getObject("id", UUID.class),
			rs.getString("serial_number"), rs.getString("display_name"), rs.getString("manufacturer"),
			rs.getString("model"), OtpType.valueOf(rs.getString("otp_type")),
			HashFunction.valueOf(rs.getString("hash_function")), rs.getInt("digits"),
			rs.getObject("time_interval_seconds", Integer.class), TokenStatus.valueOf(rs.getString("status")),
			rs.getObject("assigned_to", UUID.class), rs.getInt("drift_steps"), instant(rs, "created_date_time"),
			instant(rs, "last_used_date_time"), rs.getInt("version"), block(rs),
			new TokenValidity(instant(rs, "valid_from"), instant(rs, "valid_until")));

	private static @Nullable TokenBlock block(ResultSet rs) throws SQLException {
		String reason = rs.getString("block_reason");
		if (reason == null) {
			return null;
		}
		return new TokenBlock(BlockReason.valueOf(reason), rs.getObject("blocked_by_user_id", UUID.class),
				rs.getString("blocked_by_app_id"), instant(rs, "blocked_date_time"));
	}

	private static SeedState seedState(ResultSet rs, int row) throws SQLException {
		return new SeedState(rs.getObject("id", UUID.class),
				new SealedSecret(rs.getString("seed_key_id"), rs.getBytes("seed_nonce"),
						rs.getBytes("seed_ciphertext")),
				OtpType.valueOf(rs.getString("otp_type")), HashFunction.valueOf(rs.getString("hash_function")),
				rs.getInt("digits"), rs.getObject("time_interval_seconds", Integer.class),
				rs.getObject("hotp_counter", Long.class), rs.getObject("last_used_step", Long.class),
				rs.getInt("drift_steps"));
	}

}
