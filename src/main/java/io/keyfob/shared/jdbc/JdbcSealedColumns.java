package io.keyfob.shared.jdbc;

import java.util.ArrayList;
import java.util.List;

import io.keyfob.shared.secret.SealedColumns;
import io.keyfob.shared.secret.SealedSecret;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and replaces sealed secrets in the tables that {@link SealedColumns} describe.
 * The statements are built from those names, which are checked to be plain SQL names.
 */
@Repository
public class JdbcSealedColumns {

	private final JdbcClient jdbc;

	JdbcSealedColumns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Rows whose secret is sealed under another key than the given one.
	 * @param columns the table
	 * @param keyId the current key id
	 * @param limit at most this many
	 * @return the rows
	 */
	public List<SealedRow> sealedUnderOtherKeys(SealedColumns columns, String keyId, int limit) {
		String sql = "select " + String.join(", ", columns.idColumns()) + ", " + columns.keyIdColumn() + ", "
				+ columns.nonceColumn() + ", " + columns.ciphertextColumn() + " from " + columns.table() + " where "
				+ columns.keyIdColumn() + " is not null and " + columns.keyIdColumn() + " <> :keyId order by "
				+ String.join(", ", columns.idColumns()) + " limit " + limit;
		return this.jdbc.sql(sql).param("keyId", keyId).query((rs, row) -> {
			List<Object> ids = new ArrayList<>();
			for (String id : columns.idColumns()) {
				ids.add(rs.getObject(id));
			}
			return new SealedRow(ids, new SealedSecret(rs.getString(columns.keyIdColumn()),
					rs.getBytes(columns.nonceColumn()), rs.getBytes(columns.ciphertextColumn())));
		}).list();
	}

	/**
	 * Replace a row's secret, unless it changed since it was read.
	 * @param columns the table
	 * @param row the row as read
	 * @param replacement the secret sealed under the current key
	 * @return {@code false} if the row changed in between (it is then read again)
	 */
	public boolean replace(SealedColumns columns, SealedRow row, SealedSecret replacement) {
		StringBuilder sql = new StringBuilder("update ").append(columns.table())
			.append(" set ")
			.append(columns.keyIdColumn())
			.append(" = :newKeyId, ")
			.append(columns.nonceColumn())
			.append(" = :newNonce, ")
			.append(columns.ciphertextColumn())
			.append(" = :newCiphertext where ")
			.append(columns.keyIdColumn())
			.append(" = :oldKeyId and ")
			.append(columns.nonceColumn())
			.append(" = :oldNonce");
		for (int i = 0; i < columns.idColumns().size(); i++) {
			sql.append(" and ").append(columns.idColumns().get(i)).append(" = :id").append(i);
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString())
			.param("newKeyId", replacement.keyId())
			.param("newNonce", replacement.nonce())
			.param("newCiphertext", replacement.ciphertext())
			.param("oldKeyId", row.sealed().keyId())
			.param("oldNonce", row.sealed().nonce());
		for (int i = 0; i < row.ids().size(); i++) {
			statement = statement.param("id" + i, row.ids().get(i));
		}
		return statement.update() == 1;
	}

	/**
	 * Count the secrets not sealed under a key.
	 * @param columns the table
	 * @param keyId the current key id
	 * @return the count
	 */
	public long countUnderOtherKeys(SealedColumns columns, String keyId) {
		return this.jdbc
			.sql("select count(*) from " + columns.table() + " where " + columns.keyIdColumn() + " is not null and "
					+ columns.keyIdColumn() + " <> :keyId")
			.param("keyId", keyId)
			.query(Long.class)
			.single();
	}

	/**
	 * A row's id values and its sealed secret.
	 *
	 * @param ids the id column values, in order
	 * @param sealed the secret
	 */
	public record SealedRow(List<Object> ids, SealedSecret sealed) {
	}

}
