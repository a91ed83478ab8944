package io.keyfob.graphapi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.keyfob.audit.AuditKind;
import io.keyfob.audit.AuditQuery;
import io.keyfob.audit.AuditResult;

/**
 * Reads the {@code $filter} of the audit and sign-in logs: conditions joined by
 * {@code and}, each one of
 * <ul>
 * <li>{@code activityDateTime} (directory audits) or {@code createdDateTime} (sign-ins)
 * with {@code ge}, {@code gt}, {@code le}, {@code lt} or {@code eq} and an ISO-8601
 * date-time such as {@code 2026-11-26T00:00:00Z};</li>
 * <li>{@code initiatedBy/user/id eq '...'} and {@code initiatedBy/app/appId eq '...'};
 * </li>
 * <li>{@code targetResources/any(t: t/id eq '...')};</li>
 * <li>{@code result eq 'success'} or {@code 'failure'} (directory audits) and
 * {@code status/errorCode eq 0} or {@code ne 0} (sign-ins);</li>
 * <li>{@code userId}, {@code userPrincipalName}, {@code appId} and {@code correlationId}
 * with {@code eq}.</li>
 * </ul>
 * A filter it cannot read gets a 400 that names the problem.
 */
final class AuditFilterParser {

	static final int MAX_LENGTH = 2000;

	private final List<String> tokens;

	private final AuditKind kind;

	private final AuditQuery.Builder query;

	private int next;

	private AuditFilterParser(List<String> tokens, AuditKind kind, AuditQuery.Builder query) {
		this.tokens = tokens;
		this.kind = kind;
		this.query = query;
	}

	/**
	 * Add a filter's conditions to a query.
	 * @param filter the value of {@code $filter}
	 * @param kind which log is read
	 * @param query the query to add to
	 * @throws GraphRequestException if the filter cannot be read
	 */
	static void apply(String filter, AuditKind kind, AuditQuery.Builder query) {
		if (filter.isBlank() || filter.length() > MAX_LENGTH) {
			throw bad("must be a condition such as " + time(kind) + " ge 2026-01-01T00:00:00Z, at most " + MAX_LENGTH
					+ " characters");
		}
		AuditFilterParser parser = new AuditFilterParser(tokenize(filter), kind, query);
		parser.condition();
		while (parser.hasMore()) {
			parser.expect("and");
			parser.condition();
		}
	}

	private void condition() {
		String property = take("a property name");
		String lower = property.toLowerCase(Locale.ROOT);
		if (lower.equals("targetresources/any")) {
			expect("(");
			String variable = take("a lambda variable such as t:");
			String name = variable.endsWith(":") ? variable.substring(0, variable.length() - 1) : variable;
			if (!variable.endsWith(":")) {
				expect(":");
			}
			expect(name + "/id");
			expect("eq");
			this.query.targetId(literal());
			expect(")");
			return;
		}
		String operator = take("an operator").toLowerCase(Locale.ROOT);
		String value = literal();
		if (lower.equals(time(this.kind).toLowerCase(Locale.ROOT))) {
			range(operator, value);
			return;
		}
		if (lower.equals("status/errorcode") && this.kind == AuditKind.SIGN_IN) {
			if (!value.equals("0") || !(operator.equals("eq") || operator.equals("ne"))) {
				throw bad("status/errorCode supports 'eq 0' (successful sign-ins) and 'ne 0' (failed ones)");
			}
			this.query.result(operator.equals("eq") ? AuditResult.SUCCESS : AuditResult.FAILURE);
			return;
		}
		if (!operator.equals("eq")) {
			throw bad(property + " supports only 'eq'");
		}
		switch (lower) {
			case "initiatedby/user/id", "initiatedby/app/appid" -> this.query.initiatorId(value);
			case "result" -> this.query.result(
					AuditResult.fromGraphName(value).orElseThrow(() -> bad("result must be 'success' or 'failure'")));
			case "userid" -> this.query.userId(uuid(value));
			case "userprincipalname" -> this.query.userPrincipalName(value);
			case "appid" -> this.query.appId(value);
			case "correlationid" -> this.query.correlationId(value);
			default -> throw bad("cannot filter on '" + property + "'; use " + time(this.kind)
					+ ", initiatedBy/user/id, initiatedBy/app/appId, targetResources/any(t: t/id eq '...'), "
					+ ((this.kind == AuditKind.SIGN_IN) ? "status/errorCode" : "result")
					+ ", userId, userPrincipalName, appId or correlationId");
		}
	}

	private void range(String operator, String value) {
		Instant instant;
		try {
			instant = OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw bad("'" + value + "' is not a date-time; write it as 2026-11-26T00:00:00Z");
		}
		switch (operator) {
			case "ge" -> this.query.from(instant);
			case "gt" -> this.query.from(instant.plus(1, ChronoUnit.MICROS));
			case "le" -> this.query.to(instant);
			case "lt" -> this.query.to(instant.minus(1, ChronoUnit.MICROS));
			case "eq" -> this.query.from(instant).to(instant);
			default -> throw bad(time(this.kind) + " supports ge, gt, le, lt and eq");
		}
	}

	private String literal() {
		String token = take("a value");
		if (token.startsWith("'")) {
			return token.substring(1, token.length() - 1).replace("''", "'");
		}
		return token;
	}

	private boolean hasMore() {
		return this.next < this.tokens.size();
	}

	private String take(String what) {
		if (!hasMore()) {
			throw bad("ends where " + what + " was expected");
		}
		return this.tokens.get(this.next++);
	}

	private void expect(String expected) {
		String token = take("'" + expected + "'");
		if (!token.equalsIgnoreCase(expected)) {
			throw bad("expected '" + expected + "' but found '" + token + "'");
		}
	}

	private static List<String> tokenize(String filter) {
		List<String> tokens = new ArrayList<>();
		int at = 0;
		while (at < filter.length()) {
			char c = filter.charAt(at);
			if (Character.isWhitespace(c)) {
				at++;
			}
			else if (c == '(' || c == ')' || c == ':') {
				tokens.add(String.valueOf(c));
				at++;
			}
			else if (c == '\'') {
				int end = at + 1;
				while (true) {
					if (end >= filter.length()) {
						throw bad("has a string that is not closed with '");
					}
					if (filter.charAt(end) == '\'') {
						if (end + 1 < filter.length() && filter.charAt(end + 1) == '\'') {
							end += 2;
							continue;
						}
						break;
					}
					end++;
				}
				tokens.add(filter.substring(at, end + 1));
				at = end + 1;
			}
			else {
				int end = at;
				while (end < filter.length() && !Character.isWhitespace(filter.charAt(end))
						&& "()'".indexOf(filter.charAt(end)) < 0) {
					end++;
				}
				String word = filter.substring(at, end);
				// "t:" and "t :" both name the lambda variable; a date-time keeps its
				// colons
				tokens.add(word);
				at = end;
			}
		}
		return tokens;
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw bad("userId must be a user's object id (a GUID)");
		}
	}

	private static String time(AuditKind kind) {
		return (kind == AuditKind.SIGN_IN) ? "createdDateTime" : "activityDateTime";
	}

	private static GraphRequestException bad(String problem) {
		return GraphRequestException.badQuery("$filter " + problem);
	}

}
