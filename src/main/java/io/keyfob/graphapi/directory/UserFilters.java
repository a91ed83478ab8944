package io.keyfob.graphapi.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keyfob.directory.UserQuery;
import org.jspecify.annotations.Nullable;

/**
 * The {@code $filter} expressions Keyfob understands on users, joined with {@code and}:
 * {@code userPrincipalName eq '...'}, {@code displayName eq '...'},
 * {@code startswith(userPrincipalName,'...')}, {@code startswith(displayName,'...')},
 * {@code accountEnabled eq true|false}. String literals are in single quotes, a quote
 * doubled inside; names and operators ignore case.
 */
final class UserFilters {

	private static final String LITERAL = "'((?:[^']|'')*)'";

	private static final Pattern EQUALS = Pattern.compile("(\\w+)\\s+eq\\s+" + LITERAL, Pattern.CASE_INSENSITIVE);

	private static final Pattern STARTS_WITH = Pattern.compile("startswith\\(\\s*(\\w+)\\s*,\\s*" + LITERAL + "\\s*\\)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern BOOLEAN = Pattern.compile("(\\w+)\\s+eq\\s+(true|false)", Pattern.CASE_INSENSITIVE);

	private UserFilters() {
	}

	static UserQuery parse(@Nullable String filter, int top) {
		String upn = null;
		String upnPrefix = null;
		String displayName = null;
		String displayNamePrefix = null;
		Boolean enabled = null;
		if (filter != null && !filter.isBlank()) {
			for (String clause : clauses(filter)) {
				Matcher m;
				if ((m = EQUALS.matcher(clause)).matches() && is(m, "userPrincipalName")) {
					upn = literal(m);
				}
				else if (m.matches() && is(m, "displayName")) {
					displayName = literal(m);
				}
				else if ((m = STARTS_WITH.matcher(clause)).matches() && is(m, "userPrincipalName")) {
					upnPrefix = literal(m);
				}
				else if (m.matches() && is(m, "displayName")) {
					displayNamePrefix = literal(m);
				}
				else if ((m = BOOLEAN.matcher(clause)).matches() && is(m, "accountEnabled")) {
					enabled = Boolean.parseBoolean(m.group(2).toLowerCase(Locale.ROOT));
				}
				else {
					throw OData.badRequest("Unsupported $filter clause '" + clause + "'. Users can be filtered by "
							+ "userPrincipalName eq, displayName eq, startswith(userPrincipalName,...), "
							+ "startswith(displayName,...) and accountEnabled eq, joined with 'and'.");
				}
			}
		}
		return new UserQuery(upn, upnPrefix, displayName, displayNamePrefix, enabled, null, top);
	}

	private static boolean is(Matcher m, String property) {
		return m.group(1).equalsIgnoreCase(property);
	}

	private static String literal(Matcher m) {
		return m.group(2).replace("''", "'");
	}

	/**
	 * Split at {@code and} outside string literals.
	 */
	private static List<String> clauses(String filter) {
		List<String> clauses = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < filter.length(); i++) {
			char c = filter.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			if (!quoted && filter.regionMatches(true, i, " and ", 0, 5)) {
				clauses.add(current.toString().strip());
				current.setLength(0);
				i += 4;
				continue;
			}
			current.append(c);
		}
		clauses.add(current.toString().strip());
		return clauses;
	}

}
