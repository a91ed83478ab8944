package io.keyfob.graphapi;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.directory.DirectoryRole;
import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.policy.HardwareOathPolicyChange;
import io.keyfob.policy.AuthenticationMethodState;
import io.keyfob.support.GraphCalls;
import io.keyfob.support.GraphCalls.Response;
import io.keyfob.token.TokenInventory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.keyfob.support.TestDirectoryObjects.group;
import static io.keyfob.support.TestDirectoryObjects.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory endpoints through the real HTTP stack: the seed article's requests, every
 * validation message, status codes, and who may do what.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HardwareOathDevicesIntegrationTests {

	static final String DEVICES = "/beta/directory/authenticationMethodDevices/hardwareOathDevices";

	static final String READ_ALL = "Policy.Read.All";

	static final String POLICY_WRITE = "Policy.ReadWrite.AuthenticationMethod";

	static final String USER_METHODS_WRITE = "UserAuthenticationMethod.ReadWrite.All";

	static final String SECRET = "6PJ4UKIW33NNXYZAEHQNFUFTZF7WFTFB";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TokenInventory inventory;

	@Autowired
	DirectoryAdministration directory;

	@Autowired
	AuthenticationMethodsPolicy policy;

	/**
	 * An Authentication Policy Administrator (delegated) or an app with the write
	 * permission.
	 */
	GraphCalls policyAdmin() {
		return GraphCalls.as(this.port, READ_ALL, POLICY_WRITE);
	}

	/** A Global Reader: reads, never writes. */
	GraphCalls globalReader() {
		return GraphCalls.as(this.port, READ_ALL, "Policy.Read.AuthenticationMethod",
				"UserAuthenticationMethod.Read.All");
	}

	@Test
	void bulkUploadWhenSeedArticleRequestThenTokenListedAvailableWithoutSecret() {
		String serial = serial();
		Response upload = policyAdmin().patch(DEVICES, """
				{
				  "@context": "#$delta",
				  "value": [
				    {
				      "@contentId": "1",
				      "serialNumber": "%s",
				      "manufacturer": "Feitian",
				      "model": "HardwareToken",
				      "secretKey": "%s",
				      "timeIntervalInSeconds": 30,
				      "hashFunction": "hmacsha1"
				    }
				  ]
				}
				""".formatted(serial, SECRET));
		assertThat(upload.status()).isEqualTo(200);
		JsonNode item = upload.json().get("value").get(0);
		assertThat(upload.json().get("@context").stringValue()).isEqualTo("#$delta");
		assertThat(item.get("@contentId").stringValue()).isEqualTo("1");
		assertThat(item.get("status").stringValue()).isEqualTo("available");
		assertThat(item.get("secretKey").isNull()).isTrue();

		Response list = policyAdmin().get(DEVICES + "?$filter=" + encode("serialNumber eq '" + serial + "'"));
		assertThat(list.status()).isEqualTo(200);
		JsonNode device = list.json().get("value").get(0);
		assertThat(list.json().get("value").size()).isEqualTo(1);
		assertThat(device.get("serialNumber").stringValue()).isEqualTo(serial);
		assertThat(device.get("status").stringValue()).isEqualTo("available");
		assertThat(device.has("secretKey")).isTrue();
		assertThat(device.get("secretKey").isNull()).isTrue();
		assertThat(device.get("manufacturer").stringValue()).isEqualTo("Feitian");
		assertThat(device.get("model").stringValue()).isEqualTo("HardwareToken");
		assertThat(device.get("timeIntervalInSeconds").intValue()).isEqualTo(30);
		assertThat(device.get("hashFunction").stringValue()).isEqualTo("hmacsha1");
		assertThat(device.get("assignedTo").isNull()).isTrue();
		assertThat(device.get("otpType").stringValue()).isEqualTo("totp");
		assertThat(device.get("digits").intValue()).isEqualTo(6);
		assertThat(device.get("driftSteps").intValue()).isZero();
		assertThat(device.get("lockedUntil").isNull()).isTrue();
		assertThat(list.json().get("@odata.context").stringValue()).isEqualTo("http://127.0.0.1:" + this.port
				+ "/beta/$metadata#directory/authenticationMethodDevices/hardwareOathDevices");
		assertThat(upload.text()).doesNotContain(SECRET);
		assertThat(list.text()).doesNotContain(SECRET);
	}

	@Test
	void bulkUploadWhenPostWithDeltaContextAndStringIntervalThenStored() {
		String serial = serial();
		Response upload = policyAdmin().post(DEVICES, """
				{"@context": "#$delta", "value": [{"@contentId": "7", "serialNumber": "%s", "manufacturer": "Thales",
				  "model": "OTP 110 Token", "secretKey": "abcdef2234567abcdef2234567", "timeIntervalInSeconds": "60"}]}
				""".formatted(serial));
		assertThat(upload.status()).isEqualTo(200);
		JsonNode item = upload.json().get("value").get(0);
		assertThat(item.get("@contentId").stringValue()).isEqualTo("7");
		assertThat(item.get("timeIntervalInSeconds").intValue()).isEqualTo(60);
		assertThat(this.inventory.findBySerialNumber(serial)).isPresent();
	}

	@Test
	void bulkUploadWhenSomeItemsBadThenGoodOnesStoredAndEachBadOneSaysWhy() {
		String good1 = serial();
		String good2 = serial();
		String taken = serial();
		this.inventory.create(io.keyfob.token.NewHardwareOathToken.totp(taken, "Feitian", "c200",
				io.keyfob.token.TokenSecret.fromBase32(SECRET), 30));
		String duplicate = serial();
		List<String> items = new ArrayList<>();
		items.add(item("1", good1, SECRET, "30", "hmacsha1"));
		items.add(item("2", serial(), "6PJ4UKIW33NNXYZ8EHQNFUFTZF7WFTFB", "30", "hmacsha1"));
		items.add(item("3", serial(), "3132333435363738393031323334353637383930", "30", "hmacsha1"));
		items.add(item("4", serial(), SECRET, "45", "hmacsha1"));
		items
			.add("""
					{"@contentId": "5", "serialNumber": "%s", "model": "c200", "secretKey": "%s", "timeIntervalInSeconds": 30}
					"""
				.formatted(serial(), SECRET));
		items
			.add("""
					{"@contentId": "6", "serialNumber": "%s", "manufacturer": "Feitian", "model": "c200", "timeIntervalInSeconds": 30}
					"""
				.formatted(serial()));
		items.add(item("7", duplicate, SECRET, "30", "hmacsha1"));
		items.add(item("8", " " + duplicate.toLowerCase(java.util.Locale.ROOT) + " ", SECRET, "30", "hmacsha1"));
		items.add(item("9", taken, SECRET, "30", "hmacsha1"));
		items.add(item("10", serial(), SECRET, "30", "md5"));
		items.add(item("11", serial(), SECRET, "\"thirty\"", "hmacsha1"));
		items
			.add("""
					{"@contentId": "12", "manufacturer": "Feitian", "model": "c200", "secretKey": "%s", "timeIntervalInSeconds": 30}
					"""
				.formatted(SECRET));
		items.add(item("13", serial(), "GEZDGNBV", "30", "hmacsha1"));
		items.add(item("14", serial(), SECRET, "null", "hmacsha1"));
		items.add(item("15", good2, SECRET, "60", "hmacsha256"));
		long before = countTokens();

		Response upload = policyAdmin().patch(DEVICES,
				"{\"@context\": \"#$delta\", \"value\": [" + String.join(",", items) + "]}");

		assertThat(upload.status()).isEqualTo(200);
		JsonNode value = upload.json().get("value");
		assertThat(value.size()).isEqualTo(15);
		assertThat(value.get(0).get("status").stringValue()).isEqualTo("available");
		assertItemError(value.get(1), "2", "invalidRequest",
				"secretKey: Base32 allows only the letters A-Z and the digits 2-7; found '8' at position 16");
		assertItemError(value.get(2), "3", "invalidRequest",
				"secretKey: Base32 allows only the letters A-Z and the digits 2-7; found '1' at position 2; this looks "
						+ "like a hex secret: convert it to Base32");
		assertItemError(value.get(3), "4", "invalidRequest", "timeIntervalInSeconds: 45 is not allowed: use 30 or 60");
		assertItemError(value.get(4), "5", "invalidRequest", "manufacturer: is required: give the vendor's name");
		assertItemError(value.get(5), "6", "invalidRequest",
				"secretKey: the secret key is required (Base32, as printed by the vendor)");
		assertThat(value.get(6).get("status").stringValue()).isEqualTo("available");
		assertItemError(value.get(7), "8", "duplicateSerialNumber", "Serial number '"
				+ duplicate.toLowerCase(java.util.Locale.ROOT)
				+ "' appears earlier in this request; only the first item with it was stored. Serial numbers are unique regardless of case.");
		assertItemError(value.get(8), "9", "duplicateSerialNumber", "A token with serial number '" + taken
				+ "' is already in the inventory. Serial numbers are unique regardless of case.");
		assertItemError(value.get(9), "10", "invalidRequest",
				"hashFunction: 'md5' is not allowed: use hmacsha1 (the default), hmacsha256 or hmacsha512");
		assertItemError(value.get(10), "11", "invalidRequest",
				"timeIntervalInSeconds: 'thirty' is not a whole number: use 30 or 60");
		assertItemError(value.get(11), "12", "invalidRequest",
				"serialNumber: is required: give the serial number printed on the token");
		assertItemError(value.get(12), "13", "invalidRequest",
				"secretKey: the secret is 40 bits long; a token secret must have at least 128 bits (26 Base32 characters)");
		assertItemError(value.get(13), "14", "invalidRequest",
				"timeIntervalInSeconds: is required for a TOTP token: use 30 or 60");
		assertThat(value.get(14).get("hashFunction").stringValue()).isEqualTo("hmacsha256");
		assertThat(countTokens()).isEqualTo(before + 3);
		assertThat(this.inventory.findBySerialNumber(good1)).isPresent();
		assertThat(this.inventory.findBySerialNumber(good2)).isPresent();
		assertThat(this.inventory.findBySerialNumber(duplicate)).isPresent();
		assertThat(upload.text()).doesNotContain(SECRET);
	}

	@Test
	void bulkUploadWhenMoreThanThousandItemsThenRefusedAndNothingStored() {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			items.add(item(Integer.toString(i), serial(), SECRET, "30", "hmacsha1"));
		}
		long before = countTokens();
		Response upload = policyAdmin().patch(DEVICES,
				"{\"@context\": \"#$delta\", \"value\": [" + String.join(",", items) + "]}");
		assertThat(upload.status()).isEqualTo(400);
		assertThat(upload.errorCode()).isEqualTo("invalidRequest");
		assertThat(upload.errorMessage()).isEqualTo(
				"This request has 1001 devices; a bulk upload takes at most 1000. Split it into several requests.");
		assertThat(countTokens()).isEqualTo(before);
	}

	@Test
	void bulkUploadWhenThousandItemsThenAllStored() {
		List<String> items = new ArrayList<>();
		String prefix = "K" + UUID.randomUUID().toString().substring(0, 8) + "-";
		for (int i = 0; i < 1000; i++) {
			items.add(item(Integer.toString(i), prefix + i, SECRET, "30", "hmacsha1"));
		}
		Response upload = policyAdmin().patch(DEVICES,
				"{\"@context\": \"#$delta\", \"value\": [" + String.join(",", items) + "]}");
		assertThat(upload.status()).isEqualTo(200);
		assertThat(upload.json().get("value").size()).isEqualTo(1000);
		Response count = policyAdmin()
			.get(DEVICES + "?$count=true&$top=1&$filter=" + encode("startswith(serialNumber,'" + prefix + "')"));
		assertThat(count.json().get("@odata.count").longValue()).isEqualTo(1000);
	}

	@Test
	void bulkUploadWhenNoValueArrayThenSaysWhatToSend() {
		Response upload = policyAdmin().patch(DEVICES, "{\"@context\": \"#$delta\"}");
		assertThat(upload.status()).isEqualTo(400);
		assertThat(upload.errorMessage()).isEqualTo("A bulk upload is {\"@context\": \"#$delta\", \"value\": [...]} "
				+ "with one object per device in value.");
	}

	@Test
	void createWhenValidThenCreatedWithLocationAndEntityContext() {
		String serial = serial();
		Response created = policyAdmin().post(DEVICES, """
				{"displayName": "Token 1", "serialNumber": "%s", "manufacturer": "Contoso",
				 "model": "Hardware Token 1000", "secretKey": "%s", "timeIntervalInSeconds": 30,
				 "hashFunction": "hmacsha1", "colour": "blue"}
				""".formatted(serial, SECRET));
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.get("@odata.context").stringValue())
			.endsWith("/beta/$metadata#directory/authenticationMethodDevices/hardwareOathDevices/$entity");
		assertThat(body.get("displayName").stringValue()).isEqualTo("Token 1");
		assertThat(body.get("status").stringValue()).isEqualTo("available");
		assertThat(body.get("secretKey").isNull()).isTrue();
		assertThat(body.get("lastUsedDateTime").isNull()).isTrue();
		assertThat(body.has("colour")).isFalse();
		String id = body.get("id").stringValue();
		assertThat(created.location()).endsWith(DEVICES + "/" + id);
		Response read = globalReader().get(DEVICES + "/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("serialNumber").stringValue()).isEqualTo(serial);
	}

	@Test
	void createWhenExtensionsThenHotpEightDigitSha512TokenStored() {
		Response created = policyAdmin().post(DEVICES,
				"""
						{"serialNumber": "%s", "manufacturer": "Token2", "model": "C302", "secretKey": "%s",
						 "otpType": "hotp", "digits": 8, "counter": 5, "hashFunction": "hmacsha512", "timeIntervalInSeconds": 30}
						"""
					.formatted(serial(), SECRET));
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.get("otpType").stringValue()).isEqualTo("hotp");
		assertThat(body.get("digits").intValue()).isEqualTo(8);
		assertThat(body.get("hashFunction").stringValue()).isEqualTo("hmacsha512");
		assertThat(body.get("timeIntervalInSeconds").isNull()).isTrue();
	}

	@Test
	void createWhenExtensionValuesWrongThenEachSaysWhatIsAllowed() {
		assertCreateRefused("\"otpType\": \"motp\"",
				"otpType: 'motp' is not allowed: use totp (the default, time-based) or hotp (counter-based)");
		assertCreateRefused("\"digits\": 7", "digits: 7 is not allowed: use 6 or 8");
		assertCreateRefused("\"otpType\": \"hotp\", \"counter\": -1", "counter: must be 0 or more");
		assertCreateRefused("\"manufacturer\": {\"name\": \"x\"}", "manufacturer: must be a string");
		assertCreateRefused("\"model\": \"" + "m".repeat(257) + "\"",
				"model: is 257 characters long; at most 256 are allowed");
		assertCreateRefused("\"secretKey\": \"" + "A".repeat(136) + "\"",
				"secretKey: the secret is longer than 80 bytes (128 Base32 characters), the most Keyfob accepts");
		assertCreateRefused("\"assignTo\": {\"id\": \"bob\"}",
				"assignTo: id 'bob' is not a user id; give the user's id (a GUID), as /beta/users lists it");
	}

	@Test
	void createWhenSerialNumberTakenInAnyCaseThenConflict() {
		String serial = serial();
		assertThat(policyAdmin().post(DEVICES, device(serial)).status()).isEqualTo(201);
		Response again = policyAdmin().post(DEVICES, device(" " + serial.toLowerCase(java.util.Locale.ROOT)));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.errorCode()).isEqualTo("duplicateSerialNumber");
		assertThat(again.errorMessage()).contains("is already in the inventory");
		assertThat(again.json().get("error").get("innerError").get("request-id").stringValue()).isNotBlank();
	}

	@Test
	void createWhenBodyIsNotJsonThenBadRequest() {
		Response response = policyAdmin().post(DEVICES, "{\"serialNumber\": ");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("Request_BadRequest");
	}

	@Test
	void getWhenUnknownOrMalformedIdThenNotFound() {
		Response unknown = globalReader().get(DEVICES + "/" + UUID.randomUUID());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.errorCode()).isEqualTo("tokenNotFound");
		Response malformed = globalReader().get(DEVICES + "/not-an-id");
		assertThat(malformed.status()).isEqualTo(404);
		assertThat(malformed.errorMessage())
			.isEqualTo("No hardware token has id 'not-an-id'. List the inventory to find the token's id.");
	}

	@Test
	void getWhenSelectThenOnlyIdAndSelectedProperties() {
		String id = createdId(serial());
		Response read = globalReader().get(DEVICES + "/" + id + "?$select=serialNumber,status");
		assertThat(read.json().propertyNames()).containsExactly("@odata.context", "id", "serialNumber", "status");
		assertThat(read.json().get("@odata.context").stringValue())
			.endsWith("#directory/authenticationMethodDevices/hardwareOathDevices(serialNumber,status)/$entity");
	}

	@Test
	void pathWhenSegmentsInOtherCaseThenSameResource() {
		String id = createdId(serial());
		Response read = globalReader().get("/BETA/directory/authenticationmethoddevices/HARDWAREOATHDEVICES/"
				+ id.toUpperCase(java.util.Locale.ROOT));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("id").stringValue()).isEqualTo(id);
	}

	@Test
	void listWhenFilterSelectCountAndTopThenGraphCollection() {
		String prefix = "L" + UUID.randomUUID().toString().substring(0, 8) + "-";
		for (int i = 0; i < 5; i++) {
			createdId(prefix + i);
		}
		Response list = globalReader().get(DEVICES + "?$count=true&$top=2&$select=serialNumber&$orderby="
				+ encode("serialNumber desc") + "&$filter=" + encode("startswith(serialNumber,'" + prefix + "')"));
		assertThat(list.status()).isEqualTo(200);
		JsonNode body = list.json();
		assertThat(body.get("@odata.count").longValue()).isEqualTo(5);
		assertThat(body.get("value").size()).isEqualTo(2);
		assertThat(body.get("value").get(0).propertyNames()).containsExactly("id", "serialNumber");
		assertThat(body.get("value").get(0).get("serialNumber").stringValue()).isEqualTo(prefix + 4);
		assertThat(body.get("@odata.context").stringValue()).endsWith("hardwareOathDevices(serialNumber)");
		List<String> serials = new ArrayList<>();
		String next = body.get("@odata.nextLink").stringValue();
		assertThat(next).startsWith("http://127.0.0.1:" + this.port + DEVICES + "?").contains("$skiptoken=");
		body.get("value").forEach((d) -> serials.add(d.get("serialNumber").stringValue()));
		while (next != null) {
			JsonNode page = globalReader().get(next).json();
			page.get("value").forEach((d) -> serials.add(d.get("serialNumber").stringValue()));
			next = page.has("@odata.nextLink") ? page.get("@odata.nextLink").stringValue() : null;
		}
		assertThat(serials).containsExactly(prefix + 4, prefix + 3, prefix + 2, prefix + 1, prefix + 0);
	}

	@Test
	void listWhenFilteredOnValidityAndBlockingThenDateTimeComparisonsAndExpandedHolder() {
		String prefix = "V" + UUID.randomUUID().toString().substring(0, 8) + "-";
		String soon = createdId(prefix + "soon");
		String later = createdId(prefix + "later");
		String stolen = createdId(prefix + "stolen");
		assertThat(policyAdmin().patch(DEVICES + "/" + soon, "{\"validUntil\": \"2026-12-31T00:00:00Z\"}").status())
			.isEqualTo(204);
		assertThat(policyAdmin().patch(DEVICES + "/" + later, "{\"validUntil\": \"2028-01-01T00:00:00Z\"}").status())
			.isEqualTo(204);
		assertThat(policyAdmin().post(DEVICES + "/" + stolen + "/block", "{\"reason\": \"stolen\"}").status())
			.isEqualTo(200);
		String ours = "startswith(serialNumber,'" + prefix + "') and ";

		assertThat(ids(ours + "validUntil lt 2027-01-01T00:00:00Z")).containsExactly(soon);
		assertThat(ids(ours + "validUntil ge 2027-01-01T00:00:00+01:00")).containsExactly(later);
		assertThat(ids(ours + "validUntil eq null")).containsExactly(stolen);
		assertThat(ids(ours + "(validUntil gt 2027-06-01T00:00:00Z or blockReason eq 'stolen')"))
			.containsExactlyInAnyOrder(later, stolen);
		assertThat(ids(ours + "blockReason ne 'lost' and blockedDateTime ne null")).containsExactly(stolen);
		assertThat(ids(ours + "status eq 'blocked'")).containsExactly(stolen);

		JsonNode expanded = globalReader().get(DEVICES + "/" + soon + "?$expand=assignTo").json();
		assertThat(expanded.has("assignTo")).isTrue();
		assertThat(expanded.get("assignTo").isNull()).isTrue();
		Response wrongExpand = globalReader().get(DEVICES + "?$expand=" + encode("assignedTo"));
		assertThat(wrongExpand.status()).isEqualTo(400);
		assertThat(wrongExpand.errorMessage())
			.isEqualTo("$expand: a hardware OATH device can expand assignTo only, not 'assignedTo'");
		Response wrongOperator = globalReader().get(DEVICES + "?$filter=" + encode("blockReason gt 'lost'"));
		assertThat(wrongOperator.status()).isEqualTo(400);
		assertThat(wrongOperator.errorMessage())
			.isEqualTo("$filter: the operator 'gt' is not supported on blockReason at position 13; use eq, ne");
	}

	private List<String> ids(String filter) {
		Response list = globalReader().get(DEVICES + "?$filter=" + encode(filter));
		assertThat(list.status()).as(filter).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		list.json().get("value").forEach((d) -> ids.add(d.get("id").stringValue()));
		return ids;
	}

	@Test
	void listWhenFilterWrongThenBadRequestWithMessage() {
		Response list = globalReader().get(DEVICES + "?$filter=" + encode("colour eq 'red'"));
		assertThat(list.status()).isEqualTo(400);
		assertThat(list.errorCode()).isEqualTo("Request_BadRequest");
		assertThat(list.errorMessage()).isEqualTo("$filter: unknown property 'colour' at position 1; filterable "
				+ "properties are id, serialNumber, status, manufacturer, model, hashFunction, timeIntervalInSeconds, "
				+ "assignedTo/id, validFrom, validUntil, blockReason, blockedDateTime");
		Response top = globalReader().get(DEVICES + "?$top=1000");
		assertThat(top.status()).isEqualTo(400);
		assertThat(top.errorMessage()).isEqualTo("$top must be a whole number from 1 to 999, not '1000'");
	}

	@Test
	void updateWhenAvailableThenNoContentAndChanged() {
		String id = createdId(serial());
		Response update = policyAdmin().patch(DEVICES + "/" + id,
				"{\"hashFunction\": \"hmacsha256\", \"model\": \"c200 v2\", \"timeIntervalInSeconds\": \"60\", "
						+ "\"secretKey\": \"ignored\", \"serialNumber\": \"ignored\"}");
		assertThat(update.status()).isEqualTo(204);
		JsonNode device = globalReader().get(DEVICES + "/" + id).json();
		assertThat(device.get("hashFunction").stringValue()).isEqualTo("hmacsha256");
		assertThat(device.get("model").stringValue()).isEqualTo("c200 v2");
		assertThat(device.get("timeIntervalInSeconds").intValue()).isEqualTo(60);
		assertThat(device.get("serialNumber").stringValue()).isNotEqualTo("ignored");
	}

	@Test
	void updateWhenValueWrongThenBadRequestAndUnchanged() {
		String id = createdId(serial());
		Response update = policyAdmin().patch(DEVICES + "/" + id, "{\"timeIntervalInSeconds\": 90}");
		assertThat(update.status()).isEqualTo(400);
		assertThat(update.errorMessage()).isEqualTo("timeIntervalInSeconds: 90 is not allowed: use 30 or 60");
		assertThat(globalReader().get(DEVICES + "/" + id).json().get("timeIntervalInSeconds").intValue()).isEqualTo(30);
		Response blank = policyAdmin().patch(DEVICES + "/" + id, "{\"manufacturer\": \" \"}");
		assertThat(blank.errorMessage()).isEqualTo("manufacturer: is required: give the vendor's name");
	}

	@Test
	void updateValidityWhenAssignedThenSetAndClearedAndUntilBeforeFromIsBadRequest() {
		String id = createdId(serial());
		this.inventory.change(UUID.fromString(id), (t) -> t.assignTo(user(this.directory, "Vera Valid")));

		Response set = policyAdmin().patch(DEVICES + "/" + id,
				"{\"validFrom\": \"2026-01-01T00:00:00Z\", \"validUntil\": \"2027-06-30T12:00:00+02:00\"}");
		JsonNode device = globalReader().get(DEVICES + "/" + id).json();
		Response backwards = policyAdmin().patch(DEVICES + "/" + id, "{\"validUntil\": \"2025-12-31T00:00:00Z\"}");
		Response cleared = policyAdmin().patch(DEVICES + "/" + id, "{\"validFrom\": null}");
		JsonNode after = globalReader().get(DEVICES + "/" + id).json();

		assertThat(set.status()).isEqualTo(204);
		assertThat(device.get("validFrom").stringValue()).isEqualTo("2026-01-01T00:00:00Z");
		assertThat(device.get("validUntil").stringValue()).isEqualTo("2027-06-30T10:00:00Z");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.errorCode()).isEqualTo("invalidRequest");
		assertThat(backwards.errorMessage()).startsWith("validUntil: must be after validFrom");
		assertThat(cleared.status()).isEqualTo(204);
		assertThat(after.get("validFrom").isNull()).isTrue();
		assertThat(after.get("validUntil").stringValue()).isEqualTo("2027-06-30T10:00:00Z");
		assertThat(this.jdbc
			.sql("select e.activity from audit_entry e join audit_target t on t.entry_id = e.id "
					+ "where t.target_id = :id order by e.activity_date_time desc, e.id desc")
			.param("id", id)
			.query(String.class)
			.list()).containsSubsequence("Update hardware OATH token validity", "Update hardware OATH token validity");
	}

	@Test
	void updateAndDeleteWhenAssignedThenConflictAndUnchanged() {
		String id = createdId(serial());
		UUID user = user(this.directory, "Amy Masters");
		this.inventory.change(UUID.fromString(id), (t) -> t.assignTo(user));
		Response update = policyAdmin().patch(DEVICES + "/" + id, "{\"model\": \"other\"}");
		assertThat(update.status()).isEqualTo(409);
		assertThat(update.errorCode()).isEqualTo("tokenAssigned");
		Response delete = policyAdmin().delete(DEVICES + "/" + id);
		assertThat(delete.status()).isEqualTo(409);
		assertThat(delete.errorCode()).isEqualTo("tokenAssigned");
		assertThat(delete.errorMessage()).isEqualTo(
				"Token " + id + " is assigned to a user, so it cannot be changed or deleted. Unassign it first.");
		JsonNode device = globalReader().get(DEVICES + "/" + id).json();
		assertThat(device.get("model").stringValue()).isEqualTo("c200");
		assertThat(device.get("assignedTo").get("id").stringValue()).isEqualTo(user.toString());
		assertThat(device.get("assignedTo").get("displayName").stringValue()).isEqualTo("Amy Masters");
	}

	@Test
	void listWhenAssignedTokenLockedThenLockedUntilShown() {
		String id = createdId(serial());
		UUID user = user(this.directory, "Grace");
		this.inventory.change(UUID.fromString(id), (t) -> t.assignTo(user));
		java.time.Instant until = java.time.Instant.now()
			.plusSeconds(900)
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		this.jdbc.sql("""
				insert into hardware_oath_method_state (user_id, token_id, registered_date_time, failures, locked_until)
				values (:user, :token, :now, 10, :until)
				""")
			.param("user", user)
			.param("token", UUID.fromString(id))
			.param("now", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
			.param("until", until.atOffset(java.time.ZoneOffset.UTC))
			.update();
		JsonNode device = globalReader().get(DEVICES + "/" + id).json();
		assertThat(device.get("lockedUntil").stringValue()).isEqualTo(until.toString());
		JsonNode listed = globalReader().get(DEVICES + "?$filter=" + encode("assignedTo/id eq '" + user + "'"))
			.json()
			.get("value")
			.get(0);
		assertThat(listed.get("lockedUntil").stringValue()).isEqualTo(until.toString());
		assertThat(listed.get("assignedTo").get("displayName").stringValue()).isEqualTo("Grace");
	}

	@Test
	void deleteWhenAvailableThenNoContentAndGone() {
		String id = createdId(serial());
		assertThat(policyAdmin().delete(DEVICES + "/" + id).status()).isEqualTo(204);
		assertThat(globalReader().get(DEVICES + "/" + id).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("select count(*) from hardware_oath_token where id = :id")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single()).isZero();
		assertThat(policyAdmin().delete(DEVICES + "/" + id).status()).isEqualTo(404);
	}

	@Test
	void writeWhenGlobalReaderThenForbiddenAndNothingChanges() {
		String id = createdId(serial());
		long before = countTokens();
		String serial = serial();
		Response create = globalReader().post(DEVICES, device(serial));
		assertThat(create.status()).isEqualTo(403);
		assertThat(create.errorCode()).isEqualTo("Authorization_RequestDenied");
		assertThat(globalReader().patch(DEVICES, "{\"@context\": \"#$delta\", \"value\": [" + device(serial()) + "]}")
			.status()).isEqualTo(403);
		assertThat(globalReader().patch(DEVICES + "/" + id, "{\"model\": \"x\"}").status()).isEqualTo(403);
		assertThat(globalReader().delete(DEVICES + "/" + id).status()).isEqualTo(403);
		assertThat(countTokens()).isEqualTo(before);
		assertThat(globalReader().get(DEVICES + "/" + id).json().get("model").stringValue()).isEqualTo("c200");
	}

	@Test
	void readWhenNoPermissionOrNoTokenThenRefused() {
		Response noRights = GraphCalls.as(this.port, "User.Read.All").get(DEVICES);
		assertThat(noRights.status()).isEqualTo(403);
		assertThat(noRights.errorCode()).isEqualTo("Authorization_RequestDenied");
		Response anonymous = GraphCalls.anonymous(this.port).get(DEVICES);
		assertThat(anonymous.status()).isEqualTo(401);
		Response policyReadOnly = GraphCalls.as(this.port, "Policy.Read.AuthenticationMethod").get(DEVICES);
		assertThat(policyReadOnly.status()).isEqualTo(403);
		assertThat(GraphCalls.as(this.port, POLICY_WRITE).get(DEVICES).status()).isEqualTo(200);
	}

	@Test
	void createWithAssignToWhenCallerLacksUserMethodRightsThenForbiddenAndNothingStored() {
		UUID user = user(this.directory, "Bob");
		enablePolicy();
		String serial = serial();
		Response create = policyAdmin().post(DEVICES, assignedDevice(serial, user));
		assertThat(create.status()).isEqualTo(403);
		assertThat(create.errorMessage()).contains("UserAuthenticationMethod.ReadWrite.All");
		Response bulk = policyAdmin().patch(DEVICES, "{\"@context\": \"#$delta\", \"value\": [" + device(serial()) + ","
				+ assignedDevice(serial(), user) + "]}");
		assertThat(bulk.status()).isEqualTo(403);
		assertThat(this.inventory.findBySerialNumber(serial)).isEmpty();
		Response userAdminOnly = GraphCalls.as(this.port, USER_METHODS_WRITE)
			.post(DEVICES, assignedDevice(serial, user));
		assertThat(userAdminOnly.status()).isEqualTo(403);
		assertThat(this.inventory.findBySerialNumber(serial)).isEmpty();
	}

	@Test
	void createWithAssignToWhenCallerHasBothRightsThenAssignedWithUserName() {
		UUID user = user(this.directory, "Amy Masters");
		enablePolicy();
		Response create = GraphCalls.as(this.port, READ_ALL, POLICY_WRITE, USER_METHODS_WRITE)
			.post(DEVICES, assignedDevice(serial(), user));
		assertThat(create.status()).isEqualTo(201);
		assertThat(create.json().get("status").stringValue()).isEqualTo("assigned");
		assertThat(create.json().get("assignedTo").get("id").stringValue()).isEqualTo(user.toString());
		assertThat(create.json().get("assignedTo").get("displayName").stringValue()).isEqualTo("Amy Masters");
		Response filtered = globalReader().get(DEVICES + "?$filter=" + encode("assignedTo/id eq '" + user + "'"));
		assertThat(filtered.json().get("value").size()).isEqualTo(1);
	}

	@Test
	void createWithAssignToWhenUserUnknownThenRefusedAndNoTokenLeft() {
		String serial = serial();
		UUID nobody = UUID.randomUUID();
		Response create = GraphCalls.as(this.port, POLICY_WRITE, USER_METHODS_WRITE)
			.post(DEVICES, assignedDevice(serial, nobody));
		assertThat(create.status()).isEqualTo(404);
		assertThat(create.errorMessage()).isEqualTo("No user has id " + nobody + ".");
		assertThat(this.inventory.findBySerialNumber(serial)).isEmpty();
	}

	@Test
	void createWithAssignToWhenPolicyDoesNotTargetUserThenForbiddenAndNoTokenLeft() {
		UUID user = user(this.directory, "Dan");
		this.policy.updateHardwareOath(new HardwareOathPolicyChange(AuthenticationMethodState.DISABLED, null, null));
		String serial = serial();
		Response create = GraphCalls.as(this.port, POLICY_WRITE, USER_METHODS_WRITE)
			.post(DEVICES, assignedDevice(serial, user));
		assertThat(create.status()).isEqualTo(403);
		assertThat(create.errorCode()).isEqualTo("policyDisabledForUser");
		assertThat(this.inventory.findBySerialNumber(serial)).isEmpty();
	}

	@Test
	void rolesWhenDelegatedThenPolicyAdministratorWritesAndGlobalReaderOnlyReads() {
		GraphCalls reader = GraphCalls.delegated(this.port, DirectoryRole.GLOBAL_READER);
		GraphCalls policyAdministrator = GraphCalls.delegated(this.port,
				DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR);
		GraphCalls authenticationAdministrator = GraphCalls.delegated(this.port,
				DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
		String serial = serial();
		Response created = policyAdministrator.post(DEVICES, device(serial));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").stringValue();
		assertThat(reader.get(DEVICES + "/" + id).status()).isEqualTo(200);
		assertThat(reader.get(DEVICES).status()).isEqualTo(200);
		long before = countTokens();
		assertThat(reader.post(DEVICES, device(serial())).status()).isEqualTo(403);
		assertThat(reader.patch(DEVICES + "/" + id, "{\"model\": \"x\"}").status()).isEqualTo(403);
		assertThat(reader.delete(DEVICES + "/" + id).status()).isEqualTo(403);
		assertThat(authenticationAdministrator.get(DEVICES).status()).isEqualTo(403);
		assertThat(authenticationAdministrator.post(DEVICES, device(serial())).status()).isEqualTo(403);
		assertThat(countTokens()).isEqualTo(before);
		assertThat(policyAdministrator.patch(DEVICES + "/" + id, "{\"model\": \"x\"}").status()).isEqualTo(204);
		assertThat(policyAdministrator.delete(DEVICES + "/" + id).status()).isEqualTo(204);
	}

	@Test
	void createWithAssignToWhenDelegatedThenNeedsBothRolesAndPrivilegeForAdminTargets() {
		enablePolicy();
		UUID member = user(this.directory, "Erin");
		UUID admin = user(this.directory, "Frank");
		this.directory.assignRole(admin, DirectoryRole.GLOBAL_READER);
		GraphCalls policyAdministrator = GraphCalls.delegated(this.port,
				DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR);
		GraphCalls both = GraphCalls.delegated(this.port, DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR,
				DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
		GraphCalls privileged = GraphCalls.delegated(this.port, DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR,
				DirectoryRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR);
		String refused = serial();
		assertThat(policyAdministrator.post(DEVICES, assignedDevice(refused, member)).status()).isEqualTo(403);
		Response onAdmin = both.post(DEVICES, assignedDevice(refused, admin));
		assertThat(onAdmin.status()).isEqualTo(403);
		assertThat(onAdmin.errorMessage()).contains("Privileged Authentication Administrator");
		assertThat(this.inventory.findBySerialNumber(refused)).isEmpty();
		assertThat(both.post(DEVICES, assignedDevice(serial(), member)).status()).isEqualTo(201);
		assertThat(privileged.post(DEVICES, assignedDevice(serial(), admin)).status()).isEqualTo(201);
	}

	@Test
	void bulkUploadWhenAssignToItemsThenAssignedPerItem() {
		UUID user = user(this.directory, "Carol");
		enablePolicy();
		String serial = serial();
		Response bulk = GraphCalls.as(this.port, POLICY_WRITE, USER_METHODS_WRITE)
			.patch(DEVICES, "{\"@context\": \"#$delta\", \"value\": [" + assignedDevice(serial, user) + ","
					+ assignedDevice(serial(), UUID.randomUUID()) + "]}");
		assertThat(bulk.status()).isEqualTo(200);
		assertThat(bulk.json().get("value").get(0).get("status").stringValue()).isEqualTo("assigned");
		assertThat(bulk.json().get("value").get(0).get("assignedTo").get("displayName").stringValue())
			.isEqualTo("Carol");
		assertThat(bulk.json().get("value").get(1).get("error").get("message").stringValue())
			.startsWith("No user has id");
	}

	private void enablePolicy() {
		this.policy.updateHardwareOath(new HardwareOathPolicyChange(AuthenticationMethodState.ENABLED, null, null));
	}

	private void assertCreateRefused(String extraProperties, String message) {
		String serial = serial();
		String body = """
				{"serialNumber": "%s", "manufacturer": "Feitian", "model": "c200", "secretKey": "%s",
				 "timeIntervalInSeconds": 30, %s}
				""".formatted(serial, SECRET, extraProperties);
		Response response = GraphCalls.as(this.port, POLICY_WRITE, USER_METHODS_WRITE).post(DEVICES, body);
		assertThat(response.status()).as(extraProperties).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("invalidRequest");
		assertThat(response.errorMessage()).isEqualTo(message);
		assertThat(this.inventory.findBySerialNumber(serial)).isEmpty();
	}

	private static void assertItemError(JsonNode item, String contentId, String code, String message) {
		assertThat(item.get("@contentId").stringValue()).isEqualTo(contentId);
		assertThat(item.has("id")).as("item %s has no device", contentId).isFalse();
		assertThat(item.get("error").get("code").stringValue()).isEqualTo(code);
		assertThat(item.get("error").get("message").stringValue()).isEqualTo(message);
	}

	private String createdId(String serial) {
		Response created = policyAdmin().post(DEVICES, device(serial));
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").stringValue();
	}

	private long countTokens() {
		return this.jdbc.sql("select count(*) from hardware_oath_token").query(Long.class).single();
	}

	private static String serial() {
		return "SN" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(java.util.Locale.ROOT);
	}

	private static String device(String serial) {
		return item("x", serial, SECRET, "30", "hmacsha1");
	}

	private static String assignedDevice(String serial, UUID user) {
		return """
				{"serialNumber": "%s", "manufacturer": "Feitian", "model": "c200", "secretKey": "%s",
				 "timeIntervalInSeconds": 30, "assignTo": {"id": "%s"}}
				""".formatted(serial, SECRET, user);
	}

	private static String item(String contentId, String serial, String secret, String interval, String hash) {
		return """
				{"@contentId": "%s", "serialNumber": "%s", "manufacturer": "Feitian", "model": "c200",
				 "secretKey": "%s", "timeIntervalInSeconds": %s, "hashFunction": "%s"}
				""".formatted(contentId, serial, secret, interval, hash);
	}

	static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

}
