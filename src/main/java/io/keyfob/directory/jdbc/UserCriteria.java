package io.keyfob.directory.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.keyfob.directory.UserQuery;
import io.keyfob.shared.jdbc.SqlFilter;
import io.keyfob.shared.jdbc.SqlFilter.Column;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The where clause of a user query. Values are always bound, never spliced into the SQL;
 * prefixes are matched with {@code like} after escaping its wildcards.
 */
final class UserCriteria {

	private final UserQuery query;

	// the columns of the filterable properties (UserQuery#SCHEMA)
	private static final Map<String, Column> COLUMNS = Map.of("id", Column.of("id"), "userPrincipalName",
			Column.folded("upn_key", false), "displayName", Column.folded("lower(display_name)", false),
			"accountEnabled", Column.of("account_enabled"));

	private final List<String> conditions = new ArrayList<>();

	private final SqlFilter filter = new SqlFilter(COLUMNS, Map.of(), "f");

	private UserCriteria(UserQuery query) {
		this.query = query;
		if (query.filter() != null) {
			this.conditions.add(this.filter.condition(query.filter()));
		}
		if (query.userPrincipalName() != null) {
			this.conditions.add("upn_key = :upn");
		}
		if (query.userPrincipalNamePrefix() != null) {
			this.conditions.add("upn_key like :upnPrefix escape '\\'");
		}
		if (query.displayName() != null) {
			this.conditions.add("lower(display_name) = :displayName");
		}
		if (query.displayNamePrefix() != null) {
			this.conditions.add("lower(display_name) like :displayNamePrefix escape '\\'");
		}
		if (query.accountEnabled() != null) {
			this.conditions.add("account_enabled = :accountEnabled");
		}
	}

	static UserCriteria of(UserQuery query) {
		return new UserCriteria(query);
	}

	String where(@Nullable String after) {
		List<String> all = new ArrayList<>(this.conditions);
		if (after != null) {
			all.add("upn_key > :after");
		}
		return all.isEmpty() ? "" : " where " + String.join(" and ", all);
	}

	StatementSpec bind(StatementSpec statement, @Nullable String after) {
		if (this.query.userPrincipalName() != null) {
			statement = statement.param("upn", lower(this.query.userPrincipalName()));
		}
		if (this.query.userPrincipalNamePrefix() != null) {
			statement = statement.param("upnPrefix", prefix(this.query.userPrincipalNamePrefix()));
		}
		if (this.query.displayName() != null) {
			statement = statement.param("displayName", lower(this.query.displayName()));
		}
		if (this.query.displayNamePrefix() != null) {
			statement = statement.param("displayNamePrefix", prefix(this.query.displayNamePrefix()));
		}
		if (this.query.accountEnabled() != null) {
			statement = statement.param("accountEnabled", this.query.accountEnabled());
		}
		if (after != null) {
			statement = statement.param("after", after);
		}
		for (Map.Entry<String, Object> param : this.filter.params().entrySet()) {
			statement = statement.param(param.getKey(), param.getValue());
		}
		return statement;
	}

	private static String lower(String value) {
		return value.toLowerCase(Locale.ROOT);
	}

	private static String prefix(String value) {
		return lower(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
