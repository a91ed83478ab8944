package io.keyfob.accesspass.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.accesspass.TemporaryAccessPassPolicy;
import io.keyfob.policy.AuthenticationMethodState;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pass policy row and the pass table. Using up a one-time pass is one conditional
 * update, so two nodes can never both accept it.
 */
@Repository
public class JdbcAccessPasses {

	private static final String SELECT_POLICY = """
			select state, include_targets, exclude_targets, default_lifetime_in_minutes, minimum_lifetime_in_minutes,
				maximum_lifetime_in_minutes, default_length, is_usable_once, usable_for_verify
			from temporary_access_pass_policy where id = 'TemporaryAccessPass'
			""";

	private static final String UPDATE_POLICY = """
			update temporary_access_pass_policy
			set state = :state, include_targets = :include, exclude_targets = :exclude,
				default_lifetime_in_minutes = :defaultLifetime, minimum_lifetime_in_minutes = :minLifetime,
				maximum_lifetime_in_minutes = :maxLifetime, default_length = :length, is_usable_once = :once,
				usable_for_verify = :verify, updated_date_time = :now
			where id = 'TemporaryAccessPass'
			""";

	private static final String COLUMNS = """
			id, user_id, pass_hash, created_date_time, start_date_time, lifetime_in_minutes, is_usable_once,
			used_date_time
			""";

	private static final String INSERT = """
			insert into temporary_access_pass (id, user_id, pass_hash, created_date_time, start_date_time,
				lifetime_in_minutes, is_usable_once)
			values (:id, :userId, :hash, :created, :start, :lifetime, :once)
			""";

	private static final String SELECT_BY_USER = "select " + COLUMNS
			+ " from temporary_access_pass where user_id = :userId";

	private static final String DELETE = "delete from temporary_access_pass where user_id = :userId and id = :id";

	// the one-time guard: only the first of any number of concurrent sign-ins sets it
	private static final String USE_ONCE = """
			update temporary_access_pass set used_date_time = :now
			where id = :id and is_usable_once = true and used_date_time is null
			""";

	private static final String SELECT_UNUSED_ENDS = """
			select start_date_time, lifetime_in_minutes from temporary_access_pass
			where used_date_time is null and start_date_time > :earliest
			""";

	private final JdbcClient jdbc;

	JdbcAccessPasses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public TemporaryAccessPassPolicy policy() {
		return this.jdbc.sql(SELECT_POLICY).query(JdbcAccessPasses::policyRow).single();
	}

	public void savePolicy(TemporaryAccessPassPolicy policy, Instant now) {
		this.jdbc.sql(UPDATE_POLICY)
			.param("state", policy.state().name())
			.param("include", String.join(",", policy.includeTargets()))
			.param("exclude", String.join(",", policy.excludeTargets()))
			.param("defaultLifetime", policy.defaultLifetimeInMinutes())
			.param("minLifetime", policy.minimumLifetimeInMinutes())
			.param("maxLifetime", policy.maximumLifetimeInMinutes())
			.param("length", policy.defaultLength())
			.param("once", policy.isUsableOnce())
			.param("verify", policy.usableForVerify())
			.param("now", utc(now))
			.update();
	}

	/**
	 * Store a new pass.
	 * @param pass the pass, hashed
	 * @return {@code false} if the user has one already
	 */
	public boolean insert(StoredPass pass) {
		try {
			this.jdbc.sql(INSERT)
				.param("id", pass.id())
				.param("userId", pass.userId())
				.param("hash", pass.passHash())
				.param("created", utc(pass.createdDateTime()))
				.param("start", utc(pass.startDateTime()))
				.param("lifetime", pass.lifetimeInMinutes())
				.param("once", pass.isUsableOnce())
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	public Optional<StoredPass> findByUser(UUID userId) {
		return this.jdbc.sql(SELECT_BY_USER).param("userId", userId).query(PASS).optional();
	}

	public boolean delete(UUID userId, UUID id) {
		return this.jdbc.sql(DELETE).param("userId", userId).param("id", id).update() == 1;
	}

	/**
	 * Use up a one-time pass.
	 * @return {@code false} if it was used already (by this or another node)
	 */
	public boolean useOnce(UUID id, Instant now) {
		return this.jdbc.sql(USE_ONCE).param("id", id).param("now", utc(now)).update() == 1;
	}

	/**
	 * When the passes that are not used up end. The end of each is computed here, not in
	 * SQL, which spells date arithmetic differently on each database.
	 * @param earliest passes that start at or before it are not read
	 * @return when each pass ends
	 */
	public List<Instant> unusedEndsStartingAfter(Instant earliest) {
		return this.jdbc.sql(SELECT_UNUSED_ENDS)
			.param("earliest", utc(earliest))
			.query((rs, row) -> rs.getObject("start_date_time", OffsetDateTime.class)
				.toInstant()
				.plus(Duration.ofMinutes(rs.getInt("lifetime_in_minutes"))))
			.list();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static List<String> list(String joined) {
		return joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
	}

	private static TemporaryAccessPassPolicy policyRow(ResultSet rs, int row) throws SQLException {
		return new TemporaryAccessPassPolicy(AuthenticationMethodState.valueOf(rs.getString("state")),
				list(rs.getString("include_targets")), list(rs.getString("exclude_targets")),
				rs.getInt("default_lifetime_in_minutes"), rs.getInt("minimum_lifetime_in_minutes"),
				rs.getInt("maximum_lifetime_in_minutes"), rs.getInt("default_length"), rs.getBoolean("is_usable_once"),
				rs.getBoolean("usable_for_verify"));
	}

	private static final RowMapper<StoredPass> PASS = (rs, row) -> new StoredPass(rs.getObject("id", UUID.class),
			rs.getObject("user_id", UUID.class), rs.getString("pass_hash"), instant(rs, "created_date_time"),
			instant(rs, "start_date_time"), rs.getInt("lifetime_in_minutes"), rs.getBoolean("is_usable_once"),
			instant(rs, "used_date_time"));

}
