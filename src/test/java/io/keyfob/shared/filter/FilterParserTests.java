package io.keyfob.shared.filter;

import java.util.Map;
import java.util.stream.Collectors;

import io.keyfob.audit.AuditKind;
import io.keyfob.audit.AuditQuery;
import io.keyfob.directory.UserQuery;
import io.keyfob.shared.KeyfobException;
import io.keyfob.token.TokenField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one {@code $filter} grammar of {@code /beta}, read against each resource's own
 * schema (devices, users, directory audits, sign-ins): what it accepts, the tree it
 * builds, and what it says about what it refuses.
 */
class FilterParserTests {

	private static final Map<String, FilterSchema> SCHEMAS = Map.of("devices", TokenField.SCHEMA, "users",
			UserQuery.SCHEMA, "audits", AuditQuery.schema(AuditKind.DIRECTORY_AUDIT), "signIns",
			AuditQuery.schema(AuditKind.SIGN_IN));

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					devices | status eq 'activated'                                   | status EQ ACTIVATED
					devices | serialNumber eq 'TOTP123456'                            | serialNumber EQ TOTP123456
					devices | manufacturer eq 'Feitian'                               | manufacturer EQ Feitian
					devices | model ne 'c200'                                         | model NE c200
					devices | hashFunction eq 'hmacsha256'                            | hashFunction EQ HMAC_SHA256
					devices | timeIntervalInSeconds eq 60                             | timeIntervalInSeconds EQ 60
					devices | timeIntervalInSeconds ge 60                             | timeIntervalInSeconds GE 60
					devices | assignedTo/id eq '0f8fad5b-d9cb-469f-a165-70867728950e' | assignedTo/id EQ 0f8fad5b-d9cb-469f-a165-70867728950e
					devices | assignedTo/id eq null                                   | assignedTo/id EQ null
					devices | timeIntervalInSeconds ne null                           | timeIntervalInSeconds NE null
					devices | validUntil lt 2027-01-01T00:00:00Z                      | validUntil LT 2027-01-01T00:00:00Z
					devices | validFrom gt 2026-11-26T01:00:00+01:00                  | validFrom GT 2026-11-26T00:00:00Z
					devices | blockReason eq 'stolen' and blockedDateTime ge 2026-12-01T00:00:00Z | and(blockReason EQ STOLEN; blockedDateTime GE 2026-12-01T00:00:00Z)
					devices | status eq 'blocked'                                     | status EQ BLOCKED
					devices | status eq 'available' and model eq 'c200' or status eq 'assigned' | or(and(status EQ AVAILABLE; model EQ c200); status EQ ASSIGNED)
					devices | status eq 'available' and (model eq 'c200' or model eq 'c100') | and(status EQ AVAILABLE; or(model EQ c200; model EQ c100))
					devices | startswith(serialNumber,'GALT')                         | startswith(serialNumber, GALT)
					devices | startswith( serialNumber , 'GA' ) and status eq 'available' | and(startswith(serialNumber, GA); status EQ AVAILABLE)
					devices | model eq 'O''Brien 1'                                   | model EQ O'Brien 1
					devices | SerialNumber EQ 'x' AND Status Eq 'FailedActivation'    | and(serialNumber EQ x; status EQ FAILED_ACTIVATION)
					devices | serialNumber eq 'x'' or 1=1 --'                         | serialNumber EQ x' or 1=1 --
					users   | userPrincipalName eq 'o''brien@example.org' AND startswith(displayName, 'Ann and Bob') and accountEnabled eq TRUE | and(userPrincipalName EQ o'brien@example.org; startswith(displayName, Ann and Bob); accountEnabled EQ true)
					users   | startswith(userPrincipalName,'ann') or displayName ne 'Bob' | or(startswith(userPrincipalName, ann); displayName NE Bob)
					users   | id eq '0f8fad5b-d9cb-469f-a165-70867728950e'            | id EQ 0f8fad5b-d9cb-469f-a165-70867728950e
					audits  | activityDateTime ge 2026-11-01T00:00:00Z and activityDateTime le 2026-11-30T23:59:59Z and initiatedBy/user/id eq 'u-1' and targetResources/any(t: t/id eq 'dev''1') and result eq 'failure' | and(activityDateTime GE 2026-11-01T00:00:00Z; activityDateTime LE 2026-11-30T23:59:59Z; initiatedBy/user/id EQ u-1; targetResources/any(id EQ dev'1); result EQ FAILURE)
					audits  | initiatedBy/app/appId eq 'ci' or correlationId eq 'c-1'  | or(initiatedBy/app/appId EQ ci; correlationId EQ c-1)
					signIns | createdDateTime gt 2026-11-01T00:00:00Z and userId eq '0f8fad5b-d9cb-469f-a165-70867728950e' and appId eq 'vpn' and status/errorCode ne 0 and targetResources/any(x : x/id eq 'tok') | and(createdDateTime GT 2026-11-01T00:00:00Z; userId EQ 0f8fad5b-d9cb-469f-a165-70867728950e; appId EQ vpn; status/errorCode NE 0; targetResources/any(id EQ tok))
					signIns | userPrincipalName eq 'Ann@Example.org'                   | userPrincipalName EQ Ann@Example.org
					""")
	void parseWhenSupportedThenTypedTree(String schema, String filter, String tree) {
		assertThat(print(FilterParser.parse(filter, SCHEMAS.get(schema)))).isEqualTo(tree);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					devices | colour eq 'red'                        | unknown property 'colour' at position 1; filterable properties are id, serialNumber, status, manufacturer, model, hashFunction, timeIntervalInSeconds, assignedTo/id, validFrom, validUntil, blockReason, blockedDateTime
					devices | status gt 'available'                  | the operator 'gt' is not supported on status at position 8; use eq, ne
					devices | status eq 'lost'                       | unknown status 'lost' at position 11; status is one of available, assigned, activated, failedActivation, blocked
					devices | hashFunction eq 'md5'                  | unknown hashFunction 'md5' at position 17; hashFunction is one of hmacsha1, hmacsha256, hmacsha512
					devices | timeIntervalInSeconds eq '30'          | timeIntervalInSeconds takes a number such as 30 at position 26, found '30'
					devices | serialNumber eq 42                     | serialNumber takes a value in single quotes at position 17, found '42'
					devices | assignedTo/id eq 'bob'                 | assignedTo/id takes an id (a GUID) at position 18, found 'bob'
					devices | validUntil lt 'tomorrow'               | validUntil takes a date-time such as 2026-11-26T00:00:00Z at position 15, found 'tomorrow'
					devices | validUntil lt 2027-13-01T00:00:00Z     | validUntil takes a date-time such as 2026-11-26T00:00:00Z at position 15, found '2027-13-01T00:00:00Z'
					devices | status eq 'available' and              | expected a property name, '(' or a function at position 26, found the end of the filter
					devices | status eq 'available' model eq 'x'     | expected 'and', 'or' or the end of the filter at position 23, found 'model'
					devices | (status eq 'available'                 | expected ')' at position 23, found the end of the filter
					devices | status eq 'available')                 | expected 'and', 'or' or the end of the filter at position 22, found ')'
					devices | serialNumber eq 'open                  | the string starting at position 17 has no closing quote; write a quote inside a string as ''
					devices | status eq                              | status takes a value in single quotes at position 10, found the end of the filter
					devices | status 'available'                     | expected an operator after status at position 8, found 'available'; status takes eq, ne
					devices | status has 'available'                 | expected an operator after status at position 8, found the operator 'has'; status takes eq, ne
					devices | startswith(model,'c2')                 | startswith is not supported on model at position 12; use eq, ne
					devices | startswith(serialNumber,42)            | startswith needs a prefix in single quotes at position 25, found '42'
					devices | endswith(serialNumber,'x')             | the function 'endswith' at position 1 is not supported; supported are startswith(property,'...') and collection/any(x: ...) where the property allows them
					devices | status eq 'available' & model eq 'x'   | unexpected character '&' at position 23
					devices | not status eq 'available'              | the operator 'not' at position 1 is not supported
					devices | timeIntervalInSeconds eq 99999999999   | '99999999999' at position 26 is not a number or date-time Keyfob can compare
					devices | assignedTo/any(t: t/id eq 'x')         | any() is not supported on 'assignedTo' at position 1; filterable properties are id, serialNumber, status, manufacturer, model, hashFunction, timeIntervalInSeconds, assignedTo/id, validFrom, validUntil, blockReason, blockedDateTime
					users   | mail eq 'x'                            | unknown property 'mail' at position 1; filterable properties are id, userPrincipalName, displayName, accountEnabled
					users   | accountEnabled eq 'yes'                | accountEnabled takes true or false at position 19, found 'yes'
					users   | userPrincipalName gt 'a'               | the operator 'gt' is not supported on userPrincipalName at position 19; use eq, ne
					audits  | category eq 'Device'                   | unknown property 'category' at position 1; filterable properties are activityDateTime, initiatedBy/user/id, initiatedBy/app/appId, result, userId, userPrincipalName, appId, correlationId, targetResources/any(x: ...)
					audits  | activityDateTime ge yesterday          | activityDateTime takes a date-time such as 2026-11-26T00:00:00Z at position 21, found 'yesterday'
					audits  | result gt 'success'                    | the operator 'gt' is not supported on result at position 8; use eq, ne
					audits  | targetResources/any(t: id eq 'x')      | inside any(), write properties as t/property at position 24, found 'id'
					audits  | targetResources/any(t: t/type eq 'x')  | unknown property 't/type' at position 24; filterable properties are id
					audits  | targetResources/any(t t/id eq 'x')     | expected ':' at position 23, found 't/id'
					signIns | userPrincipalName eq 'open             | the string starting at position 22 has no closing quote; write a quote inside a string as ''
					signIns | userId eq 'not-a-guid'                 | userId takes an id (a GUID) at position 11, found 'not-a-guid'
					signIns | result eq 'success'                    | unknown property 'result' at position 1; filterable properties are createdDateTime, initiatedBy/user/id, initiatedBy/app/appId, status/errorCode, userId, userPrincipalName, appId, correlationId, targetResources/any(x: ...)
					""")
	void parseWhenFilterIsWrongThenMessageSaysWhatAndWhere(String schema, String filter, String message) {
		assertThatExceptionOfType(FilterException.class)
			.isThrownBy(() -> FilterParser.parse(filter, SCHEMAS.get(schema)))
			.withMessage("$filter: " + message)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("Request_BadRequest"))
			.isInstanceOf(KeyfobException.class);
	}

	@Test
	void parseWhenEmptyThenSaysWhatToWrite() {
		assertThatExceptionOfType(FilterException.class).isThrownBy(() -> FilterParser.parse("  ", TokenField.SCHEMA))
			.withMessage("$filter: is empty; write a condition such as id eq '...'");
	}

	@Test
	void parseWhenTooLongThenRefused() {
		String filter = "model eq '" + "x".repeat(FilterParser.MAX_LENGTH) + "'";
		assertThatExceptionOfType(FilterException.class).isThrownBy(() -> FilterParser.parse(filter, TokenField.SCHEMA))
			.withMessageContaining("at most 2000 are allowed");
	}

	@Test
	void parseWhenNestedTooDeepThenRefusedWithoutStackOverflow() {
		String filter = "(".repeat(25) + "status eq 'available'" + ")".repeat(25);
		assertThatExceptionOfType(FilterException.class).isThrownBy(() -> FilterParser.parse(filter, TokenField.SCHEMA))
			.withMessage("$filter: nests parentheses deeper than 20 levels at position 21");
	}

	@Test
	void parseWhenNestedWithinLimitThenAccepted() {
		String filter = "(".repeat(20) + "status eq 'available'" + ")".repeat(20);
		assertThat(print(FilterParser.parse(filter, TokenField.SCHEMA))).isEqualTo("status EQ AVAILABLE");
	}

	private static String print(Filter filter) {
		if (filter instanceof Filter.Comparison comparison) {
			return comparison.property() + " " + comparison.operator() + " " + comparison.value();
		}
		if (filter instanceof Filter.StartsWith startsWith) {
			return "startswith(" + startsWith.property() + ", " + startsWith.prefix() + ")";
		}
		if (filter instanceof Filter.All all) {
			return all.filters().stream().map(FilterParserTests::print).collect(Collectors.joining("; ", "and(", ")"));
		}
		if (filter instanceof Filter.AnyOf any) {
			return any.filters().stream().map(FilterParserTests::print).collect(Collectors.joining("; ", "or(", ")"));
		}
		Filter.Lambda lambda = (Filter.Lambda) filter;
		return lambda.collection() + "/any(" + print(lambda.condition()) + ")";
	}

}
