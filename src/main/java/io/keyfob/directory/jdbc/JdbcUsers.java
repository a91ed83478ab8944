package io.keyfob.directory.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.User;
import io.keyfob.directory.UserQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users table. Sign-in names are compared through {@code upn_key}, the lower-cased
 * name, so uniqueness and look-ups ignore case.
 */
@Repository
public class JdbcUsers {

	private static final String COLUMNS = "id, user_principal_name, display_name, account_enabled, created_date_time";

	private static final String INSERT = """
			insert into directory_user (id, user_principal_name, upn_key, display_name, account_enabled,
				password_hash, created_date_time)
			values (?, ?, ?, ?, ?, ?, ?)
			""";

	private static final String SELECT_BY_ID = "select " + COLUMNS + " from directory_user where id = :id";

	private static final String SELECT_BY_UPN = "select " + COLUMNS + " from directory_user where upn_key = :key";

	private static final String SELECT_CREDENTIALS = "select " + COLUMNS
			+ ", password_hash from directory_user where upn_key = :key";

	private static final String SELECT_PASSWORD_HASH = "select password_hash from directory_user where id = :id";

	private static final String UPDATE = """
			update directory_user set user_principal_name = :upn, upn_key = :key, display_name = :displayName,
				account_enabled = :accountEnabled
			where id = :id
			""";

	private static final String UPDATE_PASSWORD = "update directory_user set password_hash = :hash where id = :id";

	private static final String DELETE = "delete from directory_user where id = :id";

	private static final String SELECT_DISPLAY_NAMES = "select id, display_name from directory_user where id in (:ids)";

	private static final String SELECT_EXISTING_KEYS = "select upn_key from directory_user where upn_key in (:keys)";

	private static final String COUNT = "select count(*) from directory_user";

	private static final RowMapper<User> USER = (rs, row) -> user(rs);

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	JdbcUsers(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * The key under which a sign-in name is unique.
	 * @param userPrincipalName the name
	 * @return the name in lower case
	 */
	public static String key(String userPrincipalName) {
		return userPrincipalName.toLowerCase(Locale.ROOT);
	}

	public void insert(User user, @Nullable String passwordHash) {
		insertAll(List.of(new NewRow(user, passwordHash)));
	}

	/**
	 * Insert users in one JDBC batch.
	 * @param rows the users and their password hashes
	 */
	public void insertAll(List<NewRow> rows) {
		this.template.batchUpdate(INSERT, rows, rows.size(), (ps, row) -> {
			User user = row.user();
			ps.setObject(1, user.id());
			ps.setString(2, user.userPrincipalName());
			ps.setString(3, key(user.userPrincipalName()));
			ps.setString(4, user.displayName());
			ps.setBoolean(5, user.accountEnabled());
			ps.setString(6, row.passwordHash());
			ps.setObject(7, user.createdDateTime().atOffset(ZoneOffset.UTC));
		});
	}

	public Optional<User> findById(UUID id) {
		return this.jdbc.sql(SELECT_BY_ID).param("id", id).query(USER).optional();
	}

	public Optional<User> findByUserPrincipalName(String userPrincipalName) {
		return this.jdbc.sql(SELECT_BY_UPN).param("key", key(userPrincipalName)).query(USER).optional();
	}

	/**
	 * A user with the hash of their password, for checking it.
	 * @param userPrincipalName the sign-in name
	 * @return the user and hash, or empty when no user has that name
	 */
	public Optional<Credentials> findCredentials(String userPrincipalName) {
		return this.jdbc.sql(SELECT_CREDENTIALS)
			.param("key", key(userPrincipalName))
			.query((rs, row) -> new Credentials(user(rs), rs.getString("password_hash")))
			.optional();
	}

	public Optional<String> findPasswordHash(UUID id) {
		return this.jdbc.sql(SELECT_PASSWORD_HASH).param("id", id).query(String.class).optional();
	}

	public void update(User user) {
		this.jdbc.sql(UPDATE)
			.param("upn", user.userPrincipalName())
			.param("key", key(user.userPrincipalName()))
			.param("displayName", user.displayName())
			.param("accountEnabled", user.accountEnabled())
			.param("id", user.id())
			.update();
	}

	public void updatePasswordHash(UUID id, String passwordHash) {
		this.jdbc.sql(UPDATE_PASSWORD).param("hash", passwordHash).param("id", id).update();
	}

	public boolean delete(UUID id) {
		return this.jdbc.sql(DELETE).param("id", id).update() > 0;
	}

	/**
	 * Display names of many users in one query.
	 * @param ids the users
	 * @return display name by id, for the users that exist
	 */
	public Map<UUID, String> displayNames(Collection<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.jdbc.sql(SELECT_DISPLAY_NAMES)
			.param("ids", Set.copyOf(ids))
			.query((RowCallbackHandler) (rs) -> names.put(rs.getObject("id", UUID.class),
					rs.getString("display_name")));
		return names;
	}

	/**
	 * Which of some sign-in names are taken.
	 * @param userPrincipalNames the names
	 * @return the keys of the names already taken
	 */
	public Set<String> existingKeys(Collection<String> userPrincipalNames) {
		if (userPrincipalNames.isEmpty()) {
			return Set.of();
		}
		List<String> keys = userPrincipalNames.stream().map(JdbcUsers::key).distinct().toList();
		return new HashSet<>(this.jdbc.sql(SELECT_EXISTING_KEYS).param("keys", keys).query(String.class).list());
	}

	/**
	 * One page of users in the order of their sign-in names.
	 * @param query the criteria, page key and size
	 * @return up to {@code query.limit() + 1} users: one more than asked tells the caller
	 * that a next page exists
	 */
	public List<User> page(UserQuery query) {
		UserCriteria criteria = UserCriteria.of(query);
		String sql = "select " + COLUMNS + " from directory_user" + criteria.where(query.after())
				+ " order by upn_key limit " + (query.limit() + 1);
		return criteria.bind(this.jdbc.sql(sql), query.after()).query(USER).list();
	}

	public long count(UserQuery query) {
		UserCriteria criteria = UserCriteria.of(query);
		return criteria.bind(this.jdbc.sql(COUNT + criteria.where(null)), null).query(Long.class).single();
	}

	static User user(ResultSet rs) throws SQLException {
		return new User(rs.getObject("id", UUID.class), rs.getString("user_principal_name"),
				rs.getString("display_name"), rs.getBoolean("account_enabled"),
				instant(rs.getObject("created_date_time", OffsetDateTime.class)));
	}

	static Instant instant(OffsetDateTime time) {
		return time.toInstant();
	}

	/**
	 * A user to insert.
	 *
	 * @param user the user
	 * @param passwordHash the encoded password, or {@code null}
	 */
	public record NewRow(User user, @Nullable String passwordHash) {

		@Override
		public String toString() {
			return "NewRow[" + this.user.id() + "]";
		}

	}

	/**
	 * A user and the hash of their password.
	 *
	 * @param user the user
	 * @param passwordHash the encoded password, or {@code null} for a user without one
	 */
	public record Credentials(User user, @Nullable String passwordHash) {

		@Override
		public String toString() {
			return "Credentials[" + this.user.id() + "]";
		}

	}

}
