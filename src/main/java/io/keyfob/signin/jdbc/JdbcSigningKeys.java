package io.keyfob.signin.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.keyfob.shared.secret.SealedSecret;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The token signing keys, private halves sealed.
 */
@Repository
public class JdbcSigningKeys {

	private static final String SELECT = """
			select kid, algorithm, public_key, private_key_key_id, private_key_nonce, private_key_ciphertext,
				created_date_time
			from signing_key order by created_date_time desc, kid
			""";

	private static final String INSERT = """
			insert into signing_key (kid, algorithm, public_key, private_key_key_id, private_key_nonce,
				private_key_ciphertext, created_date_time)
			values (:kid, :algorithm, :publicKey, :keyId, :nonce, :ciphertext, :created)
			""";

	private final JdbcClient jdbc;

	JdbcSigningKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * All keys, newest first.
	 * @return the keys
	 */
	public List<StoredKey> findAll() {
		return this.jdbc.sql(SELECT)
			.query((rs, row) -> new StoredKey(rs.getString("kid"), rs.getString("algorithm"), rs.getBytes("public_key"),
					new SealedSecret(rs.getString("private_key_key_id"), rs.getBytes("private_key_nonce"),
							rs.getBytes("private_key_ciphertext")),
					rs.getObject("created_date_time", OffsetDateTime.class).toInstant()))
			.list();
	}

	public void insert(StoredKey key) {
		this.jdbc.sql(INSERT)
			.param("kid", key.kid())
			.param("algorithm", key.algorithm())
			.param("publicKey", key.publicKey())
			.param("keyId", key.privateKey().keyId())
			.param("nonce", key.privateKey().nonce())
			.param("ciphertext", key.privateKey().ciphertext())
			.param("created", key.createdDateTime().atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * A signing key as stored.
	 *
	 * @param kid the key id, as in the JWT header
	 * @param algorithm for example {@code RS256}
	 * @param publicKey the X.509 SubjectPublicKeyInfo encoding
	 * @param privateKey the PKCS #8 encoding, sealed with context {@code signing-key:kid}
	 * @param createdDateTime when it was made; the newest key signs
	 */
	public record StoredKey(String kid, String algorithm, byte[] publicKey, SealedSecret privateKey,
			Instant createdDateTime) {

		@Override
		public String toString() {
			return "StoredKey[kid=" + this.kid + "]";
		}

	}

}
