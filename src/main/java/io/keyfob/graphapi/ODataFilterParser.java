package io.keyfob.graphapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.keyfob.otp.HashFunction;
import io.keyfob.token.TokenCriterion;
import io.keyfob.token.TokenField;
import io.keyfob.token.TokenStatus;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code $filter} of the inventory list: a small recursive-descent parser for
 * the part of OData that Graph documents for hardware OATH devices, {@code eq},
 * {@code ne}, {@code and}, {@code or}, parentheses and
 * {@code startswith(serialNumber,'...')}. It builds a {@link TokenCriterion} with typed
 * values; a bad filter gets a message that names the problem and its position (1-based).
 * <pre>
 * filter     = or
 * or         = and { "or" and }
 * and        = primary { "and" primary }
 * primary    = "(" or ")" | startswith | comparison
 * startswith = "startswith" "(" "serialNumber" "," string ")"
 * comparison = property ( "eq" | "ne" ) literal
 * literal    = string | integer | "null"
 * </pre> Stateless apart from one parse; create one per filter.
 */
final class ODataFilterParser {

	static final int MAX_LENGTH = 2000;

	static final int MAX_DEPTH = 20;

	static final String FILTERABLE = Arrays.stream(TokenField.values())
		.map(TokenField::graphName)
		.collect(Collectors.joining(", "));

	private static final String OPERATORS = "eq, ne, and, or, parentheses and startswith(serialNumber,'...')";

	private final List<Token> tokens;

	private int next;

	private int depth;

	private ODataFilterParser(List<Token> tokens) {
		this.tokens = tokens;
	}

	/**
	 * Parse a filter.
	 * @param filter the value of {@code $filter}
	 * @return the criterion
	 * @throws GraphRequestException naming the problem and where it is
	 */
	static TokenCriterion parse(String filter) {
		if (filter.isBlank()) {
			throw error("is empty; write a condition such as status eq 'available'");
		}
		if (filter.length() > MAX_LENGTH) {
			throw error("is " + filter.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
		}
		ODataFilterParser parser = new ODataFilterParser(new Lexer(filter).tokens());
		TokenCriterion criterion = parser.or();
		Token rest = parser.peek();
		if (rest.kind != Kind.END) {
			throw error("expected 'and', 'or' or the end of the filter at position " + rest.position + ", found "
					+ rest.describe());
		}
		return criterion;
	}

	private TokenCriterion or() {
		List<TokenCriterion> terms = new ArrayList<>();
		terms.add(and());
		while (peek().isWord("or")) {
			this.next++;
			terms.add(and());
		}
		return (terms.size() == 1) ? terms.get(0) : new TokenCriterion.Any(terms);
	}

	private TokenCriterion and() {
		List<TokenCriterion> terms = new ArrayList<>();
		terms.add(primary());
		while (peek().isWord("and")) {
			this.next++;
			terms.add(primary());
		}
		return (terms.size() == 1) ? terms.get(0) : new TokenCriterion.All(terms);
	}

	private TokenCriterion primary() {
		Token token = take();
		if (token.kind == Kind.OPEN) {
			if (++this.depth > MAX_DEPTH) {
				throw error("nests parentheses deeper than " + MAX_DEPTH + " levels at position " + token.position);
			}
			TokenCriterion inner = or();
			expect(Kind.CLOSE, "')'");
			this.depth--;
			return inner;
		}
		if (token.kind != Kind.WORD) {
			throw error("expected a property name, '(' or startswith at position " + token.position + ", found "
					+ token.describe());
		}
		if (token.isWord("startswith") && peek().kind == Kind.OPEN) {
			return startsWith();
		}
		if (token.isWord("not")) {
			throw error("the operator 'not' at position " + token.position + " is not supported; use " + OPERATORS);
		}
		if (peek().kind == Kind.OPEN) {
			throw error("the function '" + token.text + "' at position " + token.position + " is not supported; use "
					+ OPERATORS);
		}
		return comparison(property(token));
	}

	private TokenCriterion startsWith() {
		take();
		Token property = take();
		if (property.kind != Kind.WORD || property(property) != TokenField.SERIAL_NUMBER) {
			throw error("startswith works on serialNumber only, as in startswith(serialNumber,'GALT'); found "
					+ property.describe() + " at position " + property.position);
		}
		expect(Kind.COMMA, "','");
		Token prefix = take();
		if (prefix.kind != Kind.STRING) {
			throw error("startswith needs a prefix in single quotes at position " + prefix.position + ", found "
					+ prefix.describe());
		}
		expect(Kind.CLOSE, "')'");
		return TokenCriterion.serialNumberStartsWith(prefix.text);
	}

	private TokenCriterion comparison(TokenField field) {
		Token operator = take();
		boolean negated;
		if (operator.isWord("eq")) {
			negated = false;
		}
		else if (operator.isWord("ne")) {
			negated = true;
		}
		else if (operator.kind == Kind.WORD) {
			throw error("the operator '" + operator.text + "' at position " + operator.position
					+ " is not supported; use " + OPERATORS);
		}
		else {
			throw error("expected 'eq' or 'ne' after " + field.graphName() + " at position " + operator.position
					+ ", found " + operator.describe());
		}
		Object value = value(field, take());
		return negated ? TokenCriterion.ne(field, value) : TokenCriterion.eq(field, value);
	}

	private static TokenField property(Token token) {
		for (TokenField field : TokenField.values()) {
			if (field.graphName().equalsIgnoreCase(token.text)) {
				return field;
			}
		}
		throw error("unknown property '" + token.text + "' at position " + token.position
				+ "; filterable properties are " + FILTERABLE);
	}

	private static @Nullable Object value(TokenField field, Token literal) {
		if (literal.isWord("null")) {
			return null;
		}
		String where = " at position " + literal.position;
		if (field == TokenField.TIME_INTERVAL) {
			if (literal.kind != Kind.NUMBER) {
				throw error(field.graphName() + " takes a number such as 30" + where + ", found " + literal.describe());
			}
			return Integer.valueOf(literal.text);
		}
		if (literal.kind != Kind.STRING) {
			throw error(
					field.graphName() + " takes a value in single quotes" + where + ", found " + literal.describe());
		}
		String text = literal.text;
		return switch (field) {
			case STATUS -> TokenStatus.fromGraphName(text)
				.orElseThrow(() -> error("unknown status '" + text + "'" + where
						+ "; statuses are available, assigned, activated and failedActivation"));
			case HASH_FUNCTION -> hashFunction(text).orElseThrow(() -> error("unknown hashFunction '" + text + "'"
					+ where + "; hash functions are hmacsha1, hmacsha256 and hmacsha512"));
			case ASSIGNED_TO -> userId(text)
				.orElseThrow(() -> error("assignedTo/id takes a user id (a GUID)" + where + ", found '" + text + "'"));
			default -> text;
		};
	}

	private static Optional<HashFunction> hashFunction(String name) {
		return Arrays.stream(HashFunction.values()).filter((h) -> h.graphName().equalsIgnoreCase(name)).findFirst();
	}

	private static Optional<UUID> userId(String text) {
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
			throw error("expected " + what + " at position " + token.position + ", found " + token.describe());
		}
	}

	private static GraphRequestException error(String problem) {
		return GraphRequestException.badQuery("$filter: " + problem);
	}

	private enum Kind {

		WORD, STRING, NUMBER, OPEN, CLOSE, COMMA, END

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
	 * single quotes (a doubled quote is a quote), integers and punctuation.
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
			switch (c) {
				case '(':
					this.at++;
					return new Token(Kind.OPEN, "(", start + 1);
				case ')':
					this.at++;
					return new Token(Kind.CLOSE, ")", start + 1);
				case ',':
					this.at++;
					return new Token(Kind.COMMA, ",", start + 1);
				case '\'':
					return string();
				default:
			}
			if (Character.isLetter(c) || c == '_') {
				while (this.at < this.text.length() && isWordPart(this.text.charAt(this.at))) {
					this.at++;
				}
				return new Token(Kind.WORD, this.text.substring(start, this.at), start + 1);
			}
			if (Character.isDigit(c) || c == '-') {
				this.at++;
				while (this.at < this.text.length() && Character.isDigit(this.text.charAt(this.at))) {
					this.at++;
				}
				String number = this.text.substring(start, this.at);
				if (number.equals("-") || number.length() > 9) {
					throw error("'" + number + "' at position " + (start + 1) + " is not a number Keyfob can compare");
				}
				return new Token(Kind.NUMBER, number, start + 1);
			}
			throw error("unexpected character '" + c + "' at position " + (start + 1));
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
			throw error("the string starting at position " + (start + 1)
					+ " has no closing quote; write a quote inside a string as ''");
		}

		private static boolean isWordPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_' || c == '/' || c == '.';
		}

	}

}
