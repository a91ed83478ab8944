package io.keyfob.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The content of every application table, to show that a refused request changed nothing.
 * Leaves out what a refusal may touch legitimately: Flyway's history, sessions, issued
 * authorizations, the event log, the password throttle and the audit log (which records
 * sign-ins, and chains its entries in the background).
 */
public final class DatabaseFingerprint {

	private static final Set<String> IGNORED_PREFIXES = Set.of("flyway_schema_history", "spring_session",
			"oauth2_authorization", "event_publication", "password_throttle", "audit_");

	private final JdbcClient jdbc;

	public DatabaseFingerprint(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Read every table.
	 * @return rows by table, each table's rows sorted
	 */
	public Map<String, List<String>> take() {
		Map<String, List<String>> content = new TreeMap<>();
		for (String table : tables()) {
			List<String> rows = new ArrayList<>();
			this.jdbc.sql("select * from " + table).query((rs) -> {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					Object value = rs.getObject(i);
					row.append((value instanceof byte[] bytes) ? java.util.HexFormat.of().formatHex(bytes) : value)
						.append('|');
				}
				rows.add(row.toString());
			});
			rows.sort(null);
			content.put(table, rows);
		}
		return content;
	}

	private List<String> tables() {
		return this.jdbc
			.sql("select table_name from information_schema.tables where lower(table_schema) = 'public' "
					+ "and table_type in ('BASE TABLE', 'TABLE')")
			.query(String.class)
			.list()
			.stream()
			.filter((table) -> IGNORED_PREFIXES.stream()
				.noneMatch(table.toLowerCase(java.util.Locale.ROOT)::startsWith))
			.sorted()
			.toList();
	}

}
