package io.keyfob.token.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.keyfob.otp.HashFunction;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenCriterion;
import io.keyfob.token.TokenField;
import io.keyfob.token.TokenPage;
import io.keyfob.token.TokenQuery;
import io.keyfob.token.TokenStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	JdbcTokenSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Read one page.
	 * @param query the filter, order, size and cursor
	 * @param cursorOf the cursor of a token, as it must come back in
	 * {@link TokenQuery#after()}
	 * @return the page, with the cursor of the next one if there are more tokens
	 */
	public TokenPage page(TokenQuery query, Function<HardwareOathToken, String> cursorOf) {
		Sql where = new Sql();
		if (query.filter() != null) {
			where.conditions.add(where.criterion(query.filter()));
		}
		Long count = query.count() ? count(where) : null;
		if (query.after() != null) {
			where.conditions.add("serial_key " + (query.descending() ? "<" : ">") + " " + where.bind(query.after()));
		}
		String sql = SELECT + where.clause() + " order by serial_key " + (query.descending() ? "desc" : "asc")
				+ " limit " + where.bind(query.limit() + 1);
		List<HardwareOathToken> tokens = this.jdbc.sql(sql)
			.params(where.params)
			.query(JdbcHardwareOathTokens.TOKEN)
			.list();
		if (tokens.size() <= query.limit()) {
			return new TokenPage(tokens, null, count);
		}
		List<HardwareOathToken> page = tokens.subList(0, query.limit());
		return new TokenPage(page, cursorOf.apply(page.get(page.size() - 1)), count);
	}

	private long count(Sql where) {
		return this.jdbc.sql(COUNT + where.clause()).params(where.params).query(Long.class).single();
	}

	/**
	 * A where clause under construction: SQL text with named parameters and their values.
	 */
	private static final class Sql {

		private final List<String> conditions = new ArrayList<>();

		private final Map<String, Object> params = new HashMap<>();

		String clause() {
			return this.conditions.isEmpty() ? "" : " where " + String.join(" and ", this.conditions);
		}

		String bind(Object value) {
			String name = "p" + this.params.size();
			this.params.put(name, value);
			return ":" + name;
		}

		String criterion(TokenCriterion criterion) {
			if (criterion instanceof TokenCriterion.Comparison comparison) {
				return comparison(comparison);
			}
			if (criterion instanceof TokenCriterion.SerialNumberPrefix prefix) {
				String pattern = escapeLike(prefix.prefix().strip().toLowerCase(Locale.ROOT)) + "%";
				return "serial_key like " + bind(pattern) + " escape '\\'";
			}
			if (criterion instanceof TokenCriterion.All all) {
				return join(all.criteria(), " and ");
			}
			return join(((TokenCriterion.Any) criterion).criteria(), " or ");
		}

		private String join(List<TokenCriterion> criteria, String operator) {
			List<String> parts = new ArrayList<>();
			for (TokenCriterion criterion : criteria) {
				parts.add(criterion(criterion));
			}
			return "(" + String.join(operator, parts) + ")";
		}

		private String comparison(TokenCriterion.Comparison comparison) {
			String column = column(comparison.field());
			Object value = comparison.value();
			if (value == null) {
				return column + (comparison.negated() ? " is not null" : " is null");
			}
			String parameter = bind(sqlValue(comparison.field(), value));
			if (!comparison.negated()) {
				return column + " = " + parameter;
			}
			// OData: a missing value is not equal to any value
			return comparison.field().nullable() ? "(" + column + " <> " + parameter + " or " + column + " is null)"
					: column + " <> " + parameter;
		}

		private static String column(TokenField field) {
			return switch (field) {
				case SERIAL_NUMBER -> "serial_key";
				case STATUS -> "status";
				case MANUFACTURER -> "manufacturer";
				case MODEL -> "model";
				case HASH_FUNCTION -> "hash_function";
				case TIME_INTERVAL -> "time_interval_seconds";
				case ASSIGNED_TO -> "assigned_to";
			};
		}

		private static Object sqlValue(TokenField field, Object value) {
			return switch (field) {
				case SERIAL_NUMBER -> ((String) value).strip().toLowerCase(Locale.ROOT);
				case STATUS -> ((TokenStatus) value).name();
				case HASH_FUNCTION -> ((HashFunction) value).name();
				default -> value;
			};
		}

		private static String escapeLike(String text) {
			return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		}

	}

}
