package io.keyfob.token.jdbc;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import io.keyfob.shared.filter.Filter;
import io.keyfob.shared.jdbc.SqlFilter;
import io.keyfob.shared.jdbc.SqlFilter.Column;
import io.keyfob.shared.jdbc.SqlFilter.Range;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenField;
import io.keyfob.token.TokenPage;
import io.keyfob.token.TokenQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Lists the inventory a page at a time. Pages are cut by the unique, indexed serial key
 * (keyset paging), and every filter value is a bind parameter: only column names and
 * operators chosen here become SQL text.
 */
@Repository
public class JdbcTokenSearch {

	private static final String SELECT = "select " + JdbcHardwareOathTokens.COLUMNS + " from hardware_oath_token";

	private static final String COUNT = "select count(*) from hardware_oath_token";

	private static final String POSTGRESQL_COLLATION = "select datcollate from pg_database where datname = current_database()";

	// the indexed columns by how few tokens one value usually matches
	private static final List<TokenField> SORT_PREFIXES = List.of(TokenField.ASSIGNED_TO, TokenField.STATUS,
			TokenField.MODEL, TokenField.MANUFACTURER, TokenField.TIME_INTERVAL, TokenField.HASH_FUNCTION);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private volatile @Nullable Boolean codePointOrder;

	JdbcTokenSearch(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * Read one page.
	 * @param query the filter, order, size and cursor
	 * @param cursorOf the cursor of a token, as it must come back in
	 * {@link TokenQuery#after()}
	 * @return the page, with the cursor of the next one if there are more tokens
	 */
	public TokenPage page(TokenQuery query, Function<HardwareOathToken, String> cursorOf) {
		Where where = new Where(columns(codePointOrder()));
		if (query.filter() != null) {
			where.conditions.add(where.sql.condition(query.filter()));
		}
		Long count = query.count() ? count(where) : null;
		if (query.after() != null) {
			where.conditions
				.add("serial_key " + (query.descending() ? "<" : ">") + " " + where.sql.bind(query.after()));
		}
		String direction = query.descending() ? " desc" : " asc";
		String sql = SELECT + where.clause() + " order by " + orderBy(query.filter(), direction) + " limit "
				+ where.sql.bind(query.limit() + 1);
		List<HardwareOathToken> tokens = this.jdbc.sql(sql)
			.params(where.sql.params())
			.query(JdbcHardwareOathTokens.TOKEN)
			.list();
		if (tokens.size() <= query.limit()) {
			return new TokenPage(tokens, null, count);
		}
		List<HardwareOathToken> page = tokens.subList(0, query.limit());
		return new TokenPage(page, cursorOf.apply(page.get(page.size() - 1)), count);
	}

	// Ordering by a column the filter holds constant changes no result, but H2 then
	// sees that the (column, serial_key) index is in order and stops after one page
	// instead of sorting every match. PostgreSQL works this out by itself.
	private static String orderBy(@Nullable Filter filter, String direction) {
		List<String> constant = SqlFilter.equalities(filter);
		for (TokenField field : SORT_PREFIXES) {
			if (constant.contains(field.graphName())) {
				return column(field) + direction + ", serial_key" + direction;
			}
		}
		return "serial_key" + direction;
	}

	/**
	 * Whether the database sorts strings by code point: H2 by default, PostgreSQL under
	 * the C collations. Only then is a serial-number prefix also an upper bound.
	 */
	private boolean codePointOrder() {
		Boolean known = this.codePointOrder;
		if (known == null) {
			String product = productName();
			if ("PostgreSQL".equals(product)) {
				String collation = this.jdbc.sql(POSTGRESQL_COLLATION).query(String.class).single();
				known = collation.equals("C") || collation.equals("POSIX") || collation.startsWith("C.");
			}
			else {
				known = "H2".equals(product);
			}
			this.codePointOrder = known;
		}
		return known;
	}

	private String productName() {
		try {
			return JdbcUtils.extractDatabaseMetaData(this.dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			// without an upper bound the prefix is still exact, only slower
			return "unknown";
		}
	}

	private long count(Where where) {
		return this.jdbc.sql(COUNT + where.clause()).params(where.sql.params()).query(Long.class).single();
	}

	private static Map<String, Column> columns(boolean codePointOrder) {
		Map<String, Column> columns = new HashMap<>();
		for (TokenField field : TokenField.values()) {
			Column column = new Column(column(field), field.nullable(), false, Range.NONE);
			columns.put(field.graphName(), column);
		}
		// serial_key holds the serial number trimmed and in lower case
		columns.put(TokenField.SERIAL_NUMBER.graphName(),
				Column.folded("serial_key", false).withRange(codePointOrder ? Range.BOUNDED : Range.LOWER));
		return columns;
	}

	private static String column(TokenField field) {
		return switch (field) {
			case ID -> "id";
			case SERIAL_NUMBER -> "serial_key";
			case STATUS -> "status";
			case MANUFACTURER -> "manufacturer";
			case MODEL -> "model";
			case HASH_FUNCTION -> "hash_function";
			case TIME_INTERVAL -> "time_interval_seconds";
			case ASSIGNED_TO -> "assigned_to";
			case VALID_FROM -> "valid_from";
			case VALID_UNTIL -> "valid_until";
			case BLOCK_REASON -> "block_reason";
			case BLOCKED_DATE_TIME -> "blocked_date_time";
		};
	}

	/**
	 * A where clause under construction: conditions and their bound values.
	 */
	private static final class Where {

		private final List<String> conditions = new ArrayList<>();

		private final SqlFilter sql;

		Where(Map<String, Column> columns) {
			this.sql = new SqlFilter(columns, Map.of(), "p");
		}

		String clause() {
			return this.conditions.isEmpty() ? "" : " where " + String.join(" and ", this.conditions);
		}

	}

}
