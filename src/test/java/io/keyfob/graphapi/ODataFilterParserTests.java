package io.keyfob.graphapi;

import java.util.List;
import java.util.UUID;

import io.keyfob.otp.HashFunction;
import io.keyfob.token.TokenCriterion;
import io.keyfob.token.TokenCriterion.All;
import io.keyfob.token.TokenCriterion.Any;
import io.keyfob.token.TokenField;
import io.keyfob.token.TokenStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code $filter} parser: what it accepts, what it builds, and what it says about
 * what it refuses.
 */
class ODataFilterParserTests {

	@Test
	void parseWhenStatusEqThenTypedComparison() {
		assertThat(ODataFilterParser.parse("status eq 'activated'"))
			.isEqualTo(TokenCriterion.eq(TokenField.STATUS, TokenStatus.ACTIVATED));
	}

	@Test
	void parseWhenSerialNumberEqThenStringComparison() {
		assertThat(ODataFilterParser.parse("serialNumber eq 'TOTP123456'"))
			.isEqualTo(TokenCriterion.eq(TokenField.SERIAL_NUMBER, "TOTP123456"));
	}

	@Test
	void parseWhenEveryFilterablePropertyThenEachHasItsType() {
		UUID user = UUID.randomUUID();
		assertThat(ODataFilterParser.parse("manufacturer eq 'Feitian'"))
			.isEqualTo(TokenCriterion.eq(TokenField.MANUFACTURER, "Feitian"));
		assertThat(ODataFilterParser.parse("model ne 'c200'")).isEqualTo(TokenCriterion.ne(TokenField.MODEL, "c200"));
		assertThat(ODataFilterParser.parse("hashFunction eq 'hmacsha256'"))
			.isEqualTo(TokenCriterion.eq(TokenField.HASH_FUNCTION, HashFunction.HMAC_SHA256));
		assertThat(ODataFilterParser.parse("timeIntervalInSeconds eq 60"))
			.isEqualTo(TokenCriterion.eq(TokenField.TIME_INTERVAL, 60));
		assertThat(ODataFilterParser.parse("assignedTo/id eq '" + user + "'"))
			.isEqualTo(TokenCriterion.eq(TokenField.ASSIGNED_TO, user));
	}

	@Test
	void parseWhenNullThenComparisonWithNull() {
		assertThat(ODataFilterParser.parse("assignedTo/id eq null"))
			.isEqualTo(TokenCriterion.eq(TokenField.ASSIGNED_TO, null));
		assertThat(ODataFilterParser.parse("timeIntervalInSeconds ne null"))
			.isEqualTo(TokenCriterion.ne(TokenField.TIME_INTERVAL, null));
	}

	@Test
	void parseWhenAndBindsTighterThanOrThenAnyOfAll() {
		TokenCriterion criterion = ODataFilterParser
			.parse("status eq 'available' and model eq 'c200' or status eq 'assigned'");
		assertThat(criterion).isEqualTo(new Any(List.of(
				new All(List.of(TokenCriterion.eq(TokenField.STATUS, TokenStatus.AVAILABLE),
						TokenCriterion.eq(TokenField.MODEL, "c200"))),
				TokenCriterion.eq(TokenField.STATUS, TokenStatus.ASSIGNED))));
	}

	@Test
	void parseWhenParenthesesThenTheyGroup() {
		TokenCriterion criterion = ODataFilterParser
			.parse("status eq 'available' and (model eq 'c200' or model eq 'c100')");
		assertThat(criterion)
			.isEqualTo(new All(List.of(TokenCriterion.eq(TokenField.STATUS, TokenStatus.AVAILABLE), new Any(List
				.of(TokenCriterion.eq(TokenField.MODEL, "c200"), TokenCriterion.eq(TokenField.MODEL, "c100"))))));
	}

	@Test
	void parseWhenStartsWithThenSerialNumberPrefix() {
		assertThat(ODataFilterParser.parse("startswith(serialNumber,'GALT')"))
			.isEqualTo(TokenCriterion.serialNumberStartsWith("GALT"));
		assertThat(ODataFilterParser.parse("startswith( serialNumber , 'GA' ) and status eq 'available'"))
			.isEqualTo(new All(List.of(TokenCriterion.serialNumberStartsWith("GA"),
					TokenCriterion.eq(TokenField.STATUS, TokenStatus.AVAILABLE))));
	}

	@Test
	void parseWhenQuoteDoubledInsideStringThenOneQuote() {
		assertThat(ODataFilterParser.parse("model eq 'O''Brien 1'"))
			.isEqualTo(TokenCriterion.eq(TokenField.MODEL, "O'Brien 1"));
	}

	@Test
	void parseWhenNamesInOtherCaseThenAccepted() {
		assertThat(ODataFilterParser.parse("SerialNumber EQ 'x' AND Status Eq 'FailedActivation'"))
			.isEqualTo(new All(List.of(TokenCriterion.eq(TokenField.SERIAL_NUMBER, "x"),
					TokenCriterion.eq(TokenField.STATUS, TokenStatus.FAILED_ACTIVATION))));
	}

	@Test
	void parseWhenInjectionAttemptThenItIsJustAString() {
		assertThat(ODataFilterParser.parse("serialNumber eq 'x'' or 1=1 --'"))
			.isEqualTo(TokenCriterion.eq(TokenField.SERIAL_NUMBER, "x' or 1=1 --"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					colour eq 'red'                        | unknown property 'colour' at position 1; filterable properties are serialNumber, status, manufacturer, model, hashFunction, timeIntervalInSeconds, assignedTo/id
					status gt 'available'                  | the operator 'gt' at position 8 is not supported; use eq, ne, and, or, parentheses and startswith(serialNumber,'...')
					status eq 'lost'                       | unknown status 'lost' at position 11; statuses are available, assigned, activated and failedActivation
					hashFunction eq 'md5'                  | unknown hashFunction 'md5' at position 17; hash functions are hmacsha1, hmacsha256 and hmacsha512
					timeIntervalInSeconds eq '30'          | timeIntervalInSeconds takes a number such as 30 at position 26, found '30'
					serialNumber eq 42                     | serialNumber takes a value in single quotes at position 17, found '42'
					assignedTo/id eq 'bob'                 | assignedTo/id takes a user id (a GUID) at position 18, found 'bob'
					status eq 'available' and              | expected a property name, '(' or startswith at position 26, found the end of the filter
					status eq 'available' model eq 'x'     | expected 'and', 'or' or the end of the filter at position 23, found 'model'
					(status eq 'available'                 | expected ')' at position 23, found the end of the filter
					status eq 'available')                 | expected 'and', 'or' or the end of the filter at position 22, found ')'
					serialNumber eq 'open                  | the string starting at position 17 has no closing quote; write a quote inside a string as ''
					status eq                              | status takes a value in single quotes at position 10, found the end of the filter
					status 'available'                     | expected 'eq' or 'ne' after status at position 8, found 'available'
					startswith(model,'c2')                 | startswith works on serialNumber only, as in startswith(serialNumber,'GALT'); found 'model' at position 12
					startswith(serialNumber,42)            | startswith needs a prefix in single quotes at position 25, found '42'
					endswith(serialNumber,'x')             | the function 'endswith' at position 1 is not supported; use eq, ne, and, or, parentheses and startswith(serialNumber,'...')
					status eq 'available' & model eq 'x'   | unexpected character '&' at position 23
					not status eq 'available'              | the operator 'not' at position 1 is not supported; use eq, ne, and, or, parentheses and startswith(serialNumber,'...')
					timeIntervalInSeconds eq 99999999999   | '99999999999' at position 26 is not a number Keyfob can compare
					""")
	void parseWhenFilterIsWrongThenMessageSaysWhatAndWhere(String filter, String message) {
		assertThatExceptionOfType(GraphRequestException.class).isThrownBy(() -> ODataFilterParser.parse(filter))
			.withMessage("$filter: " + message)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("Request_BadRequest"));
	}

	@Test
	void parseWhenEmptyThenSaysWhatToWrite() {
		assertThatExceptionOfType(GraphRequestException.class).isThrownBy(() -> ODataFilterParser.parse("  "))
			.withMessage("$filter: is empty; write a condition such as status eq 'available'");
	}

	@Test
	void parseWhenTooLongThenRefused() {
		String filter = "model eq '" + "x".repeat(ODataFilterParser.MAX_LENGTH) + "'";
		assertThatExceptionOfType(GraphRequestException.class).isThrownBy(() -> ODataFilterParser.parse(filter))
			.withMessageContaining("at most 2000 are allowed");
	}

	@Test
	void parseWhenNestedTooDeepThenRefusedWithoutStackOverflow() {
		String filter = "(".repeat(25) + "status eq 'available'" + ")".repeat(25);
		assertThatExceptionOfType(GraphRequestException.class).isThrownBy(() -> ODataFilterParser.parse(filter))
			.withMessage("$filter: nests parentheses deeper than 20 levels at position 21");
	}

	@Test
	void parseWhenNestedWithinLimitThenAccepted() {
		String filter = "(".repeat(20) + "status eq 'available'" + ")".repeat(20);
		assertThat(ODataFilterParser.parse(filter))
			.isEqualTo(TokenCriterion.eq(TokenField.STATUS, TokenStatus.AVAILABLE));
	}

}
