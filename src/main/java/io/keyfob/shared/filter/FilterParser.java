package io.keyfob.shared.filter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.shared.filter.FilterSchema.Field;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code $filter} against a resource's {@link FilterSchema}: one small
 * recursive-descent parser for the part of OData that Keyfob supports on every
 * {@code /beta} list. A property, operator or function the schema does not allow is
 * refused by name and position (1-based), never ignored. <pre>
 * filter     = or
 * or         = and { "or" and }
 * and        = primary { "and" primary }
 * primary    = "(" or ")" | startswith | lambda | comparison
 * startswith = "startswith" "(" property "," string ")"
 * lambda     = collection "/any" "(" variable ":" or ")"
 * comparison = property ( "eq" | "ne" | "gt" | "ge" | "lt" | "le" ) literal
 * literal    = string | integer | date-time | "true" | "false" | "null"
 * </pre> Inside a lambda, properties are written {@code variable/property}.
 */
public final class FilterParser {

	/** The longest filter read. */
	public static final int MAX_LENGTH = 2000;

	static final int MAX_DEPTH = 20;

	private final List<Token> tokens;

	private FilterSchema schema;

	private @Nullable String variable;

	private int next;

	private int depth;

	private FilterParser(List<Token> tokens, FilterSchema schema) {
		this.tokens = tokens;
		this.schema = schema;
	}

	/**
	 * Parse a filter.
	 * @param filter the value of {@code $filter}
	 * @param schema what the resource lets a client filter on
	 * @return the condition
	 * @throws FilterException naming the problem and where it is
	 */
	public static Filter parse(String filter, FilterSchema schema) {
		if (filter.isBlank()) {
			throw new FilterException("is empty; write a condition such as " + example(schema));
		}
		if (filter.length() > MAX_LENGTH) {
			throw new FilterException(
					"is " + filter.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
		}
		FilterParser parser = new FilterParser(new Lexer(filter).tokens(), schema);
		Filter parsed = parser.or();
		Token rest = parser.peek();
		if (rest.kind != Kind.END) {
			throw new FilterException("expected 'and', 'or' or the end of the filter at position " + rest.position
					+ ", found " + rest.describe());
		}
		return parsed;
	}

	private static String example(FilterSchema schema) {
		return schema.names().split(",")[0] + " eq '...'";
	}

	private Filter or() {
		List<Filter> terms = new ArrayList<>();
		terms.add(and());
		while (peek().isWord("or")) {
			this.next++;
			terms.add(and());
		}
		return Filter.anyOf(terms);
	}

	private Filter and() {
		List<Filter> terms = new ArrayList<>();
		terms.add(primary());
		while (peek().isWord("and")) {
			this.next++;
			terms.add(primary());
		}
		return Filter.all(terms);
	}

	private Filter primary() {
		Token token = take();
		if (token.kind == Kind.OPEN) {
			nest(token);
			Filter inner = or();
			expect(Kind.CLOSE, "')'");
			this.depth--;
			return inner;
		}
		if (token.kind != Kind.WORD) {
			throw new FilterException("expected a property name, '(' or a function at position " + token.position
					+ ", found " + token.describe());
		}
		if (token.isWord("not")) {
			throw new FilterException("the operator 'not' at position " + token.position + " is not supported");
		}
		if (peek().kind == Kind.OPEN) {
			if (token.isWord("startswith")) {
				return startsWith();
			}
			if (token.text.toLowerCase(Locale.ROOT).endsWith("/any")) {
				return lambda(token);
			}
			throw new FilterException("the function '" + token.text + "' at position " + token.position
					+ " is not supported" + functions());
		}
		return comparison(token, field(token));
	}

	private String functions() {
		return "; supported are startswith(property,'...') and collection/any(x: ...) where the property allows them";
	}

	private Filter startsWith() {
		take();
		Token property = take();
		if (property.kind != Kind.WORD) {
			throw new FilterException(
					"startswith needs a property at position " + property.position + ", found " + property.describe());
		}
		Field field = field(property);
		if (!field.startsWith()) {
			throw new FilterException("startswith is not supported on " + field.name() + " at position "
					+ property.position + "; use " + field.operatorNames());
		}
		expect(Kind.COMMA, "','");
		Token prefix = take();
		if (prefix.kind != Kind.STRING) {
			throw new FilterException("startswith needs a prefix in single quotes at position " + prefix.position
					+ ", found " + prefix.describe());
		}
		expect(Kind.CLOSE, "')'");
		return new Filter.StartsWith(field.name(), prefix.text);
	}

	private Filter lambda(Token token) {
		String name = token.text.substring(0, token.text.length() - "/any".length());
		if (this.variable != null) {
			throw new FilterException("any() inside any() at position " + token.position + " is not supported");
		}
		FilterSchema.Collection collection = this.schema.collection(name)
			.orElseThrow(() -> new FilterException("any() is not supported on '" + name + "' at position "
					+ token.position + "; filterable properties are " + this.schema.names()));
		Token open = take();
		nest(open);
		Token variable = take();
		if (variable.kind != Kind.WORD || variable.text.contains("/")) {
			throw new FilterException("any() needs a variable such as t: at position " + variable.position + ", found "
					+ variable.describe());
		}
		expect(Kind.COLON, "':'");
		FilterSchema outer = this.schema;
		this.schema = collection.member();
		this.variable = variable.text;
		Filter condition = or();
		this.schema = outer;
		this.variable = null;
		expect(Kind.CLOSE, "')'");
		this.depth--;
		return new Filter.Lambda(collection.name(), condition);
	}

	private void nest(Token open) {
		if (++this.depth > MAX_DEPTH) {
			throw new FilterException(
					"nests parentheses deeper than " + MAX_DEPTH + " levels at position " + open.position);
		}
	}

	private Filter comparison(Token property, Field field) {
		Token word = take();
		Optional<Operator> operator = (word.kind == Kind.WORD) ? Operator.fromOdataName(word.text) : Optional.empty();
		if (operator.isEmpty()) {
			String problem = (word.kind == Kind.WORD) ? "the operator '" + word.text + "'" : word.describe();
			throw new FilterException("expected an operator after " + field.name() + " at position " + word.position
					+ ", found " + problem + "; " + field.name() + " takes " + field.operatorNames());
		}
		if (!field.operators().contains(operator.get())) {
			throw new FilterException("the operator '" + word.text + "' is not supported on " + field.name()
					+ " at position " + word.position + "; use " + field.operatorNames());
		}
		return Filter.compare(field.name(), operator.get(), value(field, take()));
	}

	private Field field(Token token) {
		String name = token.text;
		if (this.variable != null) {
			String prefix = this.variable + "/";
			if (!name.regionMatches(true, 0, prefix, 0, prefix.length())) {
				throw new FilterException("inside any(), write properties as " + prefix + "property at position "
						+ token.position + ", found '" + name + "'");
			}
			name = name.substring(prefix.length());
		}
		String wanted = name;
		return this.schema.field(wanted)
			.orElseThrow(() -> new FilterException("unknown property '" + token.text + "' at position " + token.position
					+ "; filterable properties are " + this.schema.names()));
	}

	private static @Nullable Object value(Field field, Token literal) {
		if (literal.isWord("null")) {
			return null;
		}
		String where = " at position " + literal.position;
		return switch (field.type()) {
			case INTEGER -> {
				if (literal.kind != Kind.NUMBER) {
					throw new FilterException(
							field.name() + " takes a number such as 30" + where + ", found " + literal.describe());
				}
				yield Integer.valueOf(literal.text);
			}
			case BOOLEAN -> {
				if (!literal.isWord("true") && !literal.isWord("false")) {
					throw new FilterException(
							field.name() + " takes true or false" + where + ", found " + literal.describe());
				}
				yield Boolean.valueOf(literal.text.toLowerCase(Locale.ROOT));
			}
			case DATE_TIME -> dateTime(field, literal, where);
			default -> text(field, literal, where);
		};
	}

	private static Object text(Field field, Token literal, String where) {
		if (literal.kind != Kind.STRING) {
			throw new FilterException(
					field.name() + " takes a value in single quotes" + where + ", found " + literal.describe());
		}
		String text = literal.text;
		if (field.type() == FilterSchema.Type.GUID) {
			return guid(text).orElseThrow(() -> new FilterException(
					field.name() + " takes an id (a GUID)" + where + ", found '" + text + "'"));
		}
		if (field.type() == FilterSchema.Type.ENUM && field.members() != null) {
			return field.members()
				.apply(text)
				.orElseThrow(() -> new FilterException("unknown " + field.name() + " '" + text + "'" + where + "; "
						+ field.name() + " is one of " + field.hint()));
		}
		return text;
	}

	private static Instant dateTime(Field field, Token literal, String where) {
		if (literal.kind == Kind.DATE_TIME || literal.kind == Kind.STRING) {
			try {
				return OffsetDateTime.parse(literal.text).toInstant();
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		throw new FilterException(field.name() + " takes a date-time such as 2026-11-26T00:00:00Z" + where + ", found "
				+ literal.describe());
	}

	private static Optional<UUID> guid(String text) {
		try {
			return (text.length() == 36) ? Optional.of(UUID.fromString(text)) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private Token peek() {
		return this.tokens.get(this.next);
	}

	private Token take() {
		Token token = this.tokens.get(this.next);
		if (token.kind != Kind.END) {
			this.next++;
		}
		return token;
	}

	private void expect(Kind kind, String what) {
		Token token = take();
		if (token.kind != kind) {
			throw new FilterException(
					"expected " + what + " at position " + token.position + ", found " + token.describe());
		}
	}

	private enum Kind {

		WORD, STRING, NUMBER, DATE_TIME, OPEN, CLOSE, COMMA, COLON, END

	}

	/**
	 * One lexical token and where it starts (1-based).
	 */
	private record Token(Kind kind, String text, int position) {

		boolean isWord(String word) {
			return this.kind == Kind.WORD && this.text.equalsIgnoreCase(word);
		}

		String describe() {
			return switch (this.kind) {
				case END -> "the end of the filter";
				case STRING -> "'" + this.text.replace("'", "''") + "'";
				default -> "'" + this.text + "'";
			};
		}

	}

	/**
	 * Splits a filter into tokens: words (names, operators, {@code null}), strings in
	 * single quotes (a doubled quote is a quote), integers, date-times and punctuation.
	 */
	private static final class Lexer {

		private final String text;

		private int at;

		Lexer(String text) {
			this.text = text;
		}

		List<Token> tokens() {
			List<Token> tokens = new ArrayList<>();
			while (true) {
				while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
					this.at++;
				}
				if (this.at == this.text.length()) {
					tokens.add(new Token(Kind.END, "", this.at + 1));
					return tokens;
				}
				tokens.add(token());
			}
		}

		private Token token() {
			int start = this.at;
			char c = this.text.charAt(start);
			Kind punctuation = switch (c) {
				case '(' -> Kind.OPEN;
				case ')' -> Kind.CLOSE;
				case ',' -> Kind.COMMA;
				case ':' -> Kind.COLON;
				default -> null;
			};
			if (punctuation != null) {
				this.at++;
				return new Token(punctuation, String.valueOf(c), start + 1);
			}
			if (c == '\'') {
				return string();
			}
			if (Character.isLetter(c) || c == '_') {
				while (this.at < this.text.length() && isWordPart(this.text.charAt(this.at))) {
					this.at++;
				}
				return new Token(Kind.WORD, this.text.substring(start, this.at), start + 1);
			}
			if (Character.isDigit(c) || c == '-') {
				return number(start);
			}
			throw new FilterException("unexpected character '" + c + "' at position " + (start + 1));
		}

		// a number, or a date-time such as 2026-11-26T00:00:00.5+01:00 (its colons are
		// part of it: a lambda's colon follows a word)
		private Token number(int start) {
			this.at++;
			while (this.at < this.text.length() && isNumberPart(this.text.charAt(this.at))) {
				this.at++;
			}
			String literal = this.text.substring(start, this.at);
			if (literal.matches("-?\\d{1,9}")) {
				return new Token(Kind.NUMBER, literal, start + 1);
			}
			if (literal.matches("\\d{4}-.*")) {
				return new Token(Kind.DATE_TIME, literal, start + 1);
			}
			throw new FilterException("'" + literal + "' at position " + (start + 1)
					+ " is not a number or date-time Keyfob can compare");
		}

		private Token string() {
			int start = this.at;
			StringBuilder value = new StringBuilder();
			this.at++;
			while (this.at < this.text.length()) {
				char c = this.text.charAt(this.at++);
				if (c != '\'') {
					value.append(c);
				}
				else if (this.at < this.text.length() && this.text.charAt(this.at) == '\'') {
					value.append('\'');
					this.at++;
				}
				else {
					return new Token(Kind.STRING, value.toString(), start + 1);
				}
			}
			throw new FilterException("the string starting at position " + (start + 1)
					+ " has no closing quote; write a quote inside a string as ''");
		}

		private static boolean isWordPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_' || c == '/' || c == '.';
		}

		private static boolean isNumberPart(char c) {
			return Character.isLetterOrDigit(c) || c == ':' || c == '.' || c == '+' || c == '-';
		}

	}

}
