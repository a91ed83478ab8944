package io.keyfob.graphapi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.keyfob.directory.NewUser;
import io.keyfob.otp.Base32;
import io.keyfob.otp.HashFunction;
import io.keyfob.otp.Hex;
import io.keyfob.seedimport.TestSeedFiles;
import io.keyfob.support.SeedImportClient;
import io.keyfob.support.SeedImportTestBase;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenSecret;
import io.keyfob.token.TokenStatus;
import io.keyfob.token.TokenValidity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every seed file format through {@code POST /api/v1/seed-imports}, from the fixtures
 * made by independent tools: the tokens are stored, assigned where the file says, and
 * accept the codes that {@code TokenDisplay} computes from the secrets the fixtures are
 * known to hold. Two tokens per transaction, so that every file spans several batches.
 */
// the same properties as SeedImportApiIntegrationTests, so that both share one start
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "keyfob.seed-import.batch-size=2",
		"keyfob.seed-import.max-file-size=64KB", "keyfob.seed-import.max-rows=50" })
class SeedImportFormatsIntegrationTests extends SeedImportTestBase {

	static final byte[] RFC_SEED = TestSeedFiles.RFC_SEED;

	static final byte[] RFC_SEED_32 = TestSeedFiles.RFC_SEED_32;

	SeedImportClient importer() {
		return client(IMPORT, ASSIGN);
	}

	@Test
	void entraCsvThenEachTokenAssignedToItsUpnAndItsCodesAccepted() {
		UUID helga = this.directory.createUser(new NewUser("helga@contoso.com", "Helga", true, null)).id();
		UUID lee = this.directory.createUser(new NewUser("lee@contoso.com", "Lee", true, null)).id();

		JsonNode job = importer().importFile(resource("csv/entra.csv"), "entra.csv", Map.of());

		assertSucceeded(job, "entraCsv", 2, 0, 0, 2);
		assertThat(job.get("message").stringValue()).isEqualTo("2 rows: 2 created; 2 assigned to users");
		HardwareOathToken first = this.tokens.assertAcceptsTotp("1234567", RFC_SEED);
		HardwareOathToken second = this.tokens.assertAcceptsTotp("1234568", RFC_SEED);
		assertThat(first.assignedTo()).isEqualTo(helga);
		assertThat(first.status()).isEqualTo(TokenStatus.ASSIGNED);
		assertThat(first.timeIntervalSeconds()).isEqualTo(60);
		assertThat(second.assignedTo()).isEqualTo(lee);
		assertThat(second.manufacturer()).isEqualTo("Contoso, Ltd.");
	}

	@Test
	void vendorCsvWithoutUpnThenTokensAvailableAndTheirCodesAccepted() {
		JsonNode job = importer().importFile(resource("csv/deepnet-example.csv"), "safeid.csv", Map.of());

		assertSucceeded(job, "vendorCsv", 2, 0, 0, 0);
		HardwareOathToken token = this.tokens.assertAcceptsTotp("10001001",
				Base32.decode("234567ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
		this.tokens.assertAcceptsTotp("10001002", Base32.decode("ZYXWVUTSRQPONMLKJIHGFEDCBA765432"));
		assertThat(token.status()).isEqualTo(TokenStatus.AVAILABLE);
		assertThat(token.model()).isEqualTo("SafeID/Classic");
	}

	@Test
	void privacyIdeaCsvWithModelOptionThenHotpAndTotpTokensWork() {
		JsonNode job = importer().importFile(resource("csv/privacyidea-v1.csv"), "pi.csv",
				Map.of("manufacturer", "privacyIDEA", "model", "OATH"));

		assertSucceeded(job, "privacyIdeaCsv", 6, 0, 0, 0);
		assertThat(job.get("warnings")).extracting((warning) -> warning.get("message").stringValue())
			.contains("line 6: the file does not name a hash function; HMAC-SHA256 assumed from the 32-byte secret");
		this.tokens.assertAcceptsHotp("tok1", RFC_SEED, 0);
		this.tokens.assertAcceptsTotp("tok2", RFC_SEED);
		assertThat(this.tokens.assertAcceptsHotp("tok3", RFC_SEED, 5).digits()).isEqualTo(8);
		this.tokens.assertAcceptsTotp("tok4", RFC_SEED);
		assertThat(this.tokens.assertAcceptsTotp("tok5", RFC_SEED_32).hashFunction())
			.isEqualTo(HashFunction.HMAC_SHA256);
		assertThat(this.tokens.assertAcceptsTotp("tok6", RFC_SEED_32).hashFunction()).isEqualTo(HashFunction.HMAC_SHA1);
	}

	@Test
	void pskcFromCsv2pskcPlainThenWithPreSharedKeyAndPasswordThenSameTokensUnchanged() {
		Map<String, String> model = Map.of("model", "c200");

		JsonNode plain = importer().importFile(resource("pskc/csv2pskc/plain.pskcxml"), "plain.pskcxml", model);
		JsonNode psk = importer().importFile(resource("pskc/csv2pskc/psk-aes128.pskcxml"), "psk.pskcxml",
				Map.of("model", "c200", "psk", "000102030405060708090a0b0c0d0e0f"));
		JsonNode password = importer().importFile(resource("pskc/csv2pskc/password.pskcxml"), "password.pskcxml",
				Map.of("model", "c200", "password", "correct horse battery staple"));

		assertSucceeded(plain, "pskc", 3, 0, 0, 0);
		assertSucceeded(psk, "pskc", 0, 0, 3, 0);
		assertSucceeded(password, "pskc", 0, 0, 3, 0);
		this.tokens.assertAcceptsTotp("KF-T-0001", RFC_SEED);
		this.tokens.assertAcceptsTotp("KF-T-0002", Hex.decode("6b9f0d2c41e87a53c0d4f2b19e6a7d3580c4e1f2"));
		assertThat(this.tokens.assertAcceptsHotp("KF-H-0003", RFC_SEED_32, 7).manufacturer()).isEqualTo("Keyfob Test");
		assertThat(psk.toString() + password).doesNotContain("000102030405060708090a0b0c0d0e0f")
			.doesNotContain("correct horse");
	}

	@Test
	void pskcFromPythonPskcWithAes256AndPbkdf2ThenTokensWork() {
		String prefix = prefix();
		JsonNode aes = importer().importFile(serials(resource("pskc/python-pskc/aes256-hmac-sha256.pskcxml"), prefix),
				"aes.pskcxml", Map.of("model", "Test", "psk", Hex.encode(range(32))));
		JsonNode pbkdf2 = importer().importFile(
				serials(resource("pskc/python-pskc/pbkdf2-hmac-sha256.pskcxml"), prefix), "pbkdf2.pskcxml",
				Map.of("model", "Test", "password", "correct horse battery staple"));

		assertSucceeded(aes, "pskc", 2, 0, 0, 0);
		assertSucceeded(pbkdf2, "pskc", 0, 0, 2, 0);
		assertThat(this.tokens.assertAcceptsTotp(prefix + "S256-0001", RFC_SEED_32).digits()).isEqualTo(8);
		this.tokens.assertAcceptsHotp(prefix + "H-0002", RFC_SEED, 3);
	}

	@Test
	void pskcRfc6030FiguresWithPreSharedKeyThenPasswordThenSameTokenUnchangedWithNote() {
		JsonNode figure6 = importer().importFile(resource("pskc/rfc6030-figure6.pskcxml"), "figure6.pskcxml",
				Map.of("model", "RFC", "psk", "12345678901234567890123456789012"));
		JsonNode figure7 = importer().importFile(resource("pskc/rfc6030-figure7.pskcxml"), "figure7.pskcxml",
				Map.of("model", "RFC", "password", "qwerty"));

		assertSucceeded(figure6, "pskc", 1, 0, 0, 0);
		assertSucceeded(figure7, "pskc", 0, 0, 1, 0);
		assertThat(figure7.get("warnings")).extracting((warning) -> warning.get("message").stringValue())
			.contains("KeyPackage 1 (serial 987654321): already in the inventory with manufacturer 'Manufacturer' "
					+ "(the file says 'TokenVendorAcme'): the inventory keeps its values; change them through the API "
					+ "if needed");
		this.tokens.assertAcceptsHotp("987654321", RFC_SEED, 0);
	}

	@Test
	void pskcUserIdOfNoUserThenTokenImportedUnassignedWithWarning() {
		String prefix = prefix();
		JsonNode job = importer().importFile(serials(resource("pskc/keyfob-mapping.pskcxml"), prefix),
				"mapping.pskcxml", Map.of());

		assertSucceeded(job, "pskc", 2, 0, 0, 0);
		assertThat(job.get("warnings")).extracting((warning) -> warning.get("message").stringValue())
			.contains("KeyPackage 1 (serial " + prefix + "256-0001): UserId 'helga@example.com' names no user of this "
					+ "directory: the token is imported unassigned");
		assertThat(this.inventory.getBySerialNumber(prefix + "256-0001").assignedTo()).isNull();
	}

	@Test
	void pskcStartAndExpiryDatesFromCsv2pskcThenTheTokensKeepTheirValidityWindow() {
		String prefix = prefix();
		JsonNode job = importer().importFile(serials(resource("pskc/csv2pskc/validity.pskcxml"), prefix),
				"validity.pskcxml", Map.of("model", "c200"));

		assertSucceeded(job, "pskc", 2, 0, 0, 0);
		assertThat(this.inventory.getBySerialNumber(prefix + "V-0001").validity())
			.isEqualTo(new TokenValidity(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-06-30T00:00:00Z")));
		assertThat(this.inventory.getBySerialNumber(prefix + "V-0002").validity())
			.isEqualTo(new TokenValidity(null, Instant.parse("2027-01-01T00:00:00Z")));
	}

	@Test
	void vendorCsvExpiryColumnThenTheTokenKeepsItAndABadDateRejectsOnlyItsRow() {
		String prefix = prefix();
		String secret = Base32.encode(RFC_SEED);
		String csv = "serial number,secret key,manufacturer,model,valid from,expiry\n" + prefix + "1," + secret
				+ ",Acme,A1,2026-01-01,2029-12-31T23:59:59Z\n" + prefix + "2," + secret + ",Acme,A1,,31.12.2029\n";

		JsonNode job = importer().importFile(csv.getBytes(StandardCharsets.UTF_8), "vendor.csv", Map.of());

		assertThat(job.get("counts").get("created").intValue()).as(job.toString()).isEqualTo(1);
		assertThat(job.get("rejectedRows")).extracting((row) -> row.get("message").stringValue())
			.containsExactly("line 3: valid until '31.12.2029' is not a date: write it as 2031-01-01 or "
					+ "2031-01-01T00:00:00Z (ISO 8601, UTC unless an offset is given)");
		assertThat(this.inventory.getBySerialNumber(prefix + "1").validity())
			.isEqualTo(new TokenValidity(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2029-12-31T23:59:59Z")));
		assertThat(this.inventory.findBySerialNumber(prefix + "2")).isEmpty();
	}

	@Test
	void vendorCsvImportedAgainWithRenewedExpiryThenTheSameSecretTakesTheDatesAndAnotherSecretIsRefused() {
		String prefix = prefix();
		String secret = Base32.encode(RFC_SEED);
		String header = "serial number,secret key,manufacturer,model,valid from,expiry\n";
		String until = ",Acme,A1,,2027-12-31T00:00:00Z,\n";
		// the first token is held by a user: renewed dates apply to held tokens too
		importer()
			.importFile(
					("serial number,secret key,manufacturer,model,valid from,expiry,upn\n" + prefix + "1," + secret
							+ ",Acme,A1,2026-01-01,2027-12-31T00:00:00Z," + user() + "\n" + prefix + "2," + secret
							+ until + prefix + "3," + secret + until)
						.getBytes(StandardCharsets.UTF_8),
					"vendor.csv", Map.of());
		UUID first = this.inventory.getBySerialNumber(prefix + "1").id();
		assertThat(this.inventory.get(first).assignedTo()).isNotNull();

		// the vendor's renewed file: a new expiry for the first token, no dates for the
		// second, and another secret for the third
		JsonNode job = importer().importFile(
				(header + prefix + "1," + secret + ",Acme,A1,,2029-12-31T00:00:00Z\n" + prefix + "2," + secret
						+ ",Acme,A1,,\n" + prefix + "3," + Base32.encode(range(20))
						+ ",Acme,A1,,2030-12-31T00:00:00Z\n")
					.getBytes(StandardCharsets.UTF_8),
				"renewed.csv", Map.of());

		assertThat(job.get("counts").get("unchanged").intValue()).as(job.toString()).isEqualTo(2);
		assertThat(job.get("counts").get("rejected").intValue()).isEqualTo(1);
		assertThat(job.get("warnings")).extracting((warning) -> warning.get("message").stringValue())
			.filteredOn((message) -> !message.startsWith("line 1:"))
			.containsExactly("line 2: already in the inventory with the same secret: its validity is taken from the "
					+ "file (valid from 2026-01-01T00:00:00Z until 2027-12-31T00:00:00Z before, valid from "
					+ "2026-01-01T00:00:00Z until 2029-12-31T00:00:00Z now); secret and settings are kept");
		assertThat(job.get("rejectedRows")).extracting((row) -> row.get("message").stringValue())
			.singleElement()
			.asString()
			.contains("a different secret")
			.doesNotContain(secret);
		HardwareOathToken renewed = this.inventory.getBySerialNumber(prefix + "1");
		assertThat(renewed.id()).isEqualTo(first);
		assertThat(renewed.assignedTo()).isNotNull();
		assertThat(renewed.validity())
			.isEqualTo(new TokenValidity(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2029-12-31T00:00:00Z")));
		assertThat(this.inventory.sameSeed(first, TokenSecret.of(RFC_SEED.clone()))).isTrue();
		for (String serial : new String[] { "2", "3" }) {
			assertThat(this.inventory.getBySerialNumber(prefix + serial).validity())
				.as("a file without dates, or with another secret, changes nothing")
				.isEqualTo(new TokenValidity(null, Instant.parse("2027-12-31T00:00:00Z")));
		}
	}

	static void assertSucceeded(JsonNode job, String format, int created, int replaced, int unchanged, int assigned) {
		assertThat(job.get("status").stringValue()).as(job.toString()).isEqualTo("succeeded");
		assertThat(job.get("format").stringValue()).isEqualTo(format);
		JsonNode counts = job.get("counts");
		assertThat(counts.get("created").intValue()).as(job.toString()).isEqualTo(created);
		assertThat(counts.get("replaced").intValue()).isEqualTo(replaced);
		assertThat(counts.get("unchanged").intValue()).isEqualTo(unchanged);
		assertThat(counts.get("assigned").intValue()).isEqualTo(assigned);
		assertThat(counts.get("rejected").intValue()).as(job.toString()).isZero();
		assertThat(job.get("rejectedRows")).isEmpty();
		int rows = created + replaced + unchanged;
		assertThat(job.get("progress").get("totalRows").intValue()).isEqualTo(rows);
		assertThat(job.get("progress").get("validatedRows").intValue()).isEqualTo(rows);
		assertThat(job.get("progress").get("storedRows").intValue()).isEqualTo(created + replaced);
	}

	/**
	 * Gives the {@code KF-} serial numbers of a fixture a prefix of their own, for
	 * fixtures that share serial numbers with others.
	 */
	static byte[] serials(byte[] file, String prefix) {
		return text(file).replace("KF-", prefix).getBytes(StandardCharsets.UTF_8);
	}

	static String prefix() {
		return "KF" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	static byte[] resource(String path) {
		return TestSeedFiles.resource(path);
	}

	static byte[] range(int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) i;
		}
		return bytes;
	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
