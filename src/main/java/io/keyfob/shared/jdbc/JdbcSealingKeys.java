package io.keyfob.shared.jdbc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The master keys that have sealed secrets in this database.
 */
@Repository
public class JdbcSealingKeys {

	private static final String SELECT_IDS = "select key_id from sealing_key";

	private static final String INSERT = """
			insert into sealing_key (key_id, created_date_time)
			select :keyId, :now where not exists (select 1 from sealing_key where key_id = :keyId)
			""";

	private static final String RETIRE = "delete from sealing_key where key_id <> :keyId";

	private final JdbcClient jdbc;

	JdbcSealingKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<String> keyIds() {
		return this.jdbc.sql(SELECT_IDS).query(String.class).list();
	}

	/**
	 * Forget every key but one, once nothing is sealed under the others any more.
	 * @param keyId the key to keep
	 * @return how many keys were forgotten
	 */
	public int retireAllBut(String keyId) {
		return this.jdbc.sql(RETIRE).param("keyId", keyId).update();
	}

	public void register(String keyId, Instant now) {
		this.jdbc.sql(INSERT).param("keyId", keyId).param("now", now.atOffset(ZoneOffset.UTC)).update();
	}

}
