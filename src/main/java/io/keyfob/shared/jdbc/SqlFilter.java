package io.keyfob.shared.jdbc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.keyfob.shared.filter.Filter;
import io.keyfob.shared.filter.Operator;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link Filter} into a SQL condition with named bind parameters: the one place
 * where a {@code $filter} becomes SQL. Only the column expressions a store declares and
 * the operators chosen here become SQL text; every value is a parameter. As in OData, a
 * row without a value is not equal to any value, so {@code ne} also matches it.
 */
public final class SqlFilter {

	private final Map<String, Column> columns;

	private final Map<String, Members> collections;

	private final Map<String, Object> params = new HashMap<>();

	private final String prefix;

	/**
	 * A translator for one statement.
	 * @param columns the column of each filterable property, by property name
	 * @param collections the member tables of each collection {@code any()} may read
	 * @param prefix the start of parameter names, unique within the statement
	 */
	public SqlFilter(Map<String, Column> columns, Map<String, Members> collections, String prefix) {
		this.columns = columns;
		this.collections = collections;
		this.prefix = prefix;
	}

	/**
	 * The SQL condition of a filter.
	 * @param filter the filter
	 * @return the condition, in parentheses where it has parts
	 */
	public String condition(Filter filter) {
		return condition(filter, this.columns);
	}

	/**
	 * Bind a value of the statement that is not part of the filter.
	 * @param value the value
	 * @return the parameter's placeholder, such as {@code :f3}
	 */
	public String bind(Object value) {
		String name = this.prefix + this.params.size();
		this.params.put(name, (value instanceof Instant instant) ? instant.atOffset(ZoneOffset.UTC) : value);
		return ":" + name;
	}

	/**
	 * The parameters bound so far.
	 * @return the values by name
	 */
	public Map<String, Object> params() {
		return this.params;
	}

	private String condition(Filter filter, Map<String, Column> scope) {
		if (filter instanceof Filter.Comparison comparison) {
			return comparison(comparison, column(scope, comparison.property()));
		}
		if (filter instanceof Filter.StartsWith startsWith) {
			return startsWith(column(scope, startsWith.property()), startsWith.prefix());
		}
		if (filter instanceof Filter.All all) {
			return join(all.filters(), " and ", scope);
		}
		if (filter instanceof Filter.AnyOf any) {
			return join(any.filters(), " or ", scope);
		}
		return lambda((Filter.Lambda) filter);
	}

	private String lambda(Filter.Lambda lambda) {
		Members members = this.collections.get(lambda.collection());
		if (members == null) {
			throw new IllegalArgumentException("no table for collection " + lambda.collection());
		}
		return "exists (" + members.select() + " and " + condition(lambda.condition(), members.columns()) + ")";
	}

	private static Column column(Map<String, Column> scope, String property) {
		Column column = scope.get(property);
		if (column == null) {
			throw new IllegalArgumentException("no column for property " + property);
		}
		return column;
	}

	private String join(List<Filter> filters, String operator, Map<String, Column> scope) {
		List<String> parts = new ArrayList<>();
		for (Filter filter : filters) {
			parts.add(condition(filter, scope));
		}
		return "(" + String.join(operator, parts) + ")";
	}

	private String comparison(Filter.Comparison comparison, Column column) {
		Object value = comparison.value();
		String sql = column.sql();
		if (value == null) {
			return switch (comparison.operator()) {
				case EQ -> sql + " is null";
				case NE -> sql + " is not null";
				// OData: a comparison with null is false for ordering operators
				default -> "1 = 0";
			};
		}
		String parameter = bind(column.value(value));
		if (comparison.operator() == Operator.NE && column.nullable()) {
			return "(" + sql + " <> " + parameter + " or " + sql + " is null)";
		}
		return sql + " " + symbol(comparison.operator()) + " " + parameter;
	}

	private static String symbol(Operator operator) {
		return switch (operator) {
			case EQ -> "=";
			case NE -> "<>";
			case GT -> ">";
			case GE -> ">=";
			case LT -> "<";
			case LE -> "<=";
		};
	}

	// LIKE decides; on a column flagged as a sorted key the range lets its index start
	// (and, where strings sort by code point, stop) at the prefix instead of reading
	// every row before it
	private String startsWith(Column column, String text) {
		String prefix = (String) column.value(text);
		String like = column.sql() + " like " + bind(escapeLike(prefix) + "%") + " escape '\\'";
		if (column.range() == Range.NONE || prefix.isEmpty()) {
			return like;
		}
		String range = column.sql() + " >= " + bind(prefix);
		char last = prefix.charAt(prefix.length() - 1);
		if (column.range() == Range.BOUNDED && !Character.isSurrogate(last) && last != Character.MAX_VALUE) {
			range += " and " + column.sql() + " < "
					+ bind(prefix.substring(0, prefix.length() - 1) + (char) (last + 1));
		}
		return "(" + range + " and " + like + ")";
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * How a sorted key column helps {@code startswith}.
	 */
	public enum Range {

		/** Not a sorted key: {@code like} alone. */
		NONE,
		/** Strings starting with the prefix sort at or after it. */
		LOWER,
		/** Strings sort by code point, so they also sort before the next prefix. */
		BOUNDED

	}

	/**
	 * The SQL of one filterable property.
	 *
	 * @param sql the column or expression, for example {@code lower(display_name)}
	 * @param nullable whether rows may have no value
	 * @param folded whether the column holds its text trimmed and in lower case, so
	 * values are folded the same way
	 * @param range how the column helps {@code startswith}
	 * @param stored turns a filter value into the value the column stores; enum constants
	 * are stored by name unless this says otherwise
	 */
	public record Column(String sql, boolean nullable, boolean folded, Range range,
			@Nullable Function<Object, Object> stored) {

		/**
		 * A column.
		 * @param sql the column or expression
		 * @param nullable whether rows may have no value
		 * @param folded whether the column holds its text trimmed and in lower case
		 * @param range how the column helps {@code startswith}
		 */
		public Column(String sql, boolean nullable, boolean folded, Range range) {
			this(sql, nullable, folded, range, null);
		}

		/**
		 * A plain column that always has a value.
		 * @param sql the column
		 * @return the column
		 */
		public static Column of(String sql) {
			return new Column(sql, false, false, Range.NONE);
		}

		/**
		 * A plain column that may have no value.
		 * @param sql the column
		 * @return the column
		 */
		public static Column nullable(String sql) {
			return new Column(sql, true, false, Range.NONE);
		}

		/**
		 * A column of text kept trimmed and in lower case.
		 * @param sql the column or expression
		 * @param nullable whether rows may have no value
		 * @return the column
		 */
		public static Column folded(String sql, boolean nullable) {
			return new Column(sql, nullable, true, Range.NONE);
		}

		/**
		 * This column as a sorted key for {@code startswith}.
		 * @param range how it helps
		 * @return a new column
		 */
		public Column withRange(Range range) {
			return new Column(this.sql, this.nullable, this.folded, range, this.stored);
		}

		/**
		 * This column, storing values as the function says.
		 * @param function turns a filter value into the stored value
		 * @return a new column
		 */
		public Column storing(Function<Object, Object> function) {
			return new Column(this.sql, this.nullable, this.folded, this.range, function);
		}

		Object value(Object value) {
			if (this.stored != null) {
				return this.stored.apply(value);
			}
			if (value instanceof Enum<?> constant) {
				return constant.name();
			}
			if (this.folded && value instanceof String text) {
				return text.strip().toLowerCase(Locale.ROOT);
			}
			return value;
		}

	}

	/**
	 * The members of a collection: a select of one row per member, correlated with the
	 * outer row, and the columns of a member's properties.
	 *
	 * @param select for example
	 * {@code select 1 from audit_target t where t.entry_id = e.id}
	 * @param columns the column of each property of a member
	 */
	public record Members(String select, Map<String, Column> columns) {
	}

	/**
	 * Every property named in a filter's top-level {@code and} that is compared
	 * {@code eq} with a value.
	 * @param filter the filter, or {@code null}
	 * @return the property names
	 */
	public static List<String> equalities(@Nullable Filter filter) {
		List<Filter> conditions = (filter instanceof Filter.All all) ? all.filters()
				: (filter != null) ? List.of(filter) : List.of();
		List<String> properties = new ArrayList<>();
		for (Filter condition : conditions) {
			if (condition instanceof Filter.Comparison comparison && comparison.operator() == Operator.EQ
					&& comparison.value() != null) {
				properties.add(comparison.property());
			}
		}
		return properties;
	}

}
