package io.keyfob.radius.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.shared.secret.SealedSecret;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code radius_client} table. The shared secret is stored sealed and read only by
 * the server, never for the API.
 */
@Repository
public class JdbcRadiusClients {

	private static final String COLUMNS = """
			id, display_name, address, mode, require_message_authenticator, strip_realm, append_realm,
			secret_key_id, secret_nonce, secret_ciphertext, created_date_time""";

	private static final String SELECT_ALL = "select " + COLUMNS + " from radius_client order by display_name, id";

	private static final String SELECT_ONE = "select " + COLUMNS + " from radius_client where id = :id";

	private static final String INSERT = """
			insert into radius_client (id, display_name, address, mode, require_message_authenticator, strip_realm,
				append_realm, secret_key_id, secret_nonce, secret_ciphertext, created_date_time)
			values (:id, :displayName, :address, :mode, :requireMessageAuthenticator, :stripRealm, :appendRealm,
				:keyId, :nonce, :ciphertext, :created)""";

	private static final String UPDATE = """
			update radius_client set display_name = :displayName, address = :address, mode = :mode,
				require_message_authenticator = :requireMessageAuthenticator, strip_realm = :stripRealm,
				append_realm = :appendRealm
			where id = :id""";

	private static final String DELETE = "delete from radius_client where id = :id";

	private final JdbcClient jdbc;

	JdbcRadiusClients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Row> findAll() {
		return this.jdbc.sql(SELECT_ALL).query(JdbcRadiusClients::row).list();
	}

	public Optional<Row> find(UUID id) {
		return this.jdbc.sql(SELECT_ONE).param("id", id).query(JdbcRadiusClients::row).optional();
	}

	public void insert(Row row) {
		this.jdbc.sql(INSERT)
			.param("id", row.id())
			.param("displayName", row.displayName())
			.param("address", row.address())
			.param("mode", row.mode())
			.param("requireMessageAuthenticator", row.requireMessageAuthenticator())
			.param("stripRealm", row.stripRealm())
			.param("appendRealm", row.appendRealm())
			.param("keyId", row.secret().keyId())
			.param("nonce", row.secret().nonce())
			.param("ciphertext", row.secret().ciphertext())
			.param("created", row.createdDateTime())
			.update();
	}

	/**
	 * Change everything but the secret.
	 * @param row the new values
	 * @return whether the client still exists
	 */
	public boolean update(Row row) {
		return this.jdbc.sql(UPDATE)
			.param("id", row.id())
			.param("displayName", row.displayName())
			.param("address", row.address())
			.param("mode", row.mode())
			.param("requireMessageAuthenticator", row.requireMessageAuthenticator())
			.param("stripRealm", row.stripRealm())
			.param("appendRealm", row.appendRealm())
			.update() > 0;
	}

	public boolean delete(UUID id) {
		return this.jdbc.sql(DELETE).param("id", id).update() > 0;
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("display_name"), rs.getString("address"),
				rs.getString("mode"), rs.getBoolean("require_message_authenticator"), rs.getBoolean("strip_realm"),
				rs.getString("append_realm"), new SealedSecret(rs.getString("secret_key_id"),
						rs.getBytes("secret_nonce"), rs.getBytes("secret_ciphertext")),
				rs.getObject("created_date_time", OffsetDateTime.class));
	}

	/**
	 * One client as stored.
	 *
	 * @param id the id
	 * @param displayName the name
	 * @param address the address or range, normalised
	 * @param mode the mode's API name
	 * @param requireMessageAuthenticator whether requests must carry one
	 * @param stripRealm whether to strip realms
	 * @param appendRealm the realm to append, or {@code null}
	 * @param secret the sealed shared secret
	 * @param createdDateTime when it was registered
	 */
	public record Row(UUID id, String displayName, String address, String mode, boolean requireMessageAuthenticator,
			boolean stripRealm, @Nullable String appendRealm, SealedSecret secret, OffsetDateTime createdDateTime) {

		public Row {
			createdDateTime = createdDateTime.withOffsetSameInstant(ZoneOffset.UTC);
		}

	}

}
