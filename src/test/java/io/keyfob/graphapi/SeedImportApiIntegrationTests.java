package io.keyfob.graphapi;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.keyfob.otp.Base32;
import io.keyfob.otp.OtpCode;
import io.keyfob.seedimport.TestSeedFiles;
import io.keyfob.support.ChosenSeeds;
import io.keyfob.support.GraphCalls;
import io.keyfob.support.GraphCalls.Response;
import io.keyfob.support.Polling;
import io.keyfob.support.TokenDisplay;
import io.keyfob.support.SeedImportClient;
import io.keyfob.support.SeedImportTestBase;
import io.keyfob.token.CheckWindow;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad input of a seed file upload through {@code /api/v1/seed-imports}, with the
 * exact message a person gets; and the semantics of re-imports, replace, dry runs and
 * all-or-nothing. A small upload limit (64 KB, 50 rows) makes the limits testable.
 */
// the same properties as SeedImportFormatsIntegrationTests (small batches), so that both
// share one start
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "keyfob.seed-import.batch-size=2",
		"keyfob.seed-import.max-file-size=64KB", "keyfob.seed-import.max-rows=50" })
class SeedImportApiIntegrationTests extends SeedImportTestBase {

	static final String HEADER = "serial number,secret key,time interval,manufacturer,model\n";

	static final String ENTRA_HEADER = "upn,serial number,secret key,time interval,manufacturer,model\n";

	static final String PSK = "000102030405060708090a0b0c0d0e0f";

	SeedImportClient importer() {
		return client(IMPORT, ASSIGN);
	}

	// files refused as a whole: 4xx at once, no job

	@Test
	void uploadWhenNotASeedFileThen400NamingWhatKeyfobReads() {
		Response response = importer().upload("Dear admin,\nhere are your tokens.\n", "letter.txt", Map.of());

		assertRefused(response, 400, "unknownFileFormat",
				"This is not a seed file Keyfob knows: expected a CSV with a header line such as 'upn,serial number,"
						+ "secret key,time interval,manufacturer,model', a privacyIDEA OATH CSV ('serial, hex seed, "
						+ "type, digits, step') or a PSKC XML file (RFC 6030)");
	}

	@Test
	void uploadWhenXmlDeclaresExternalEntityThen400UnsafeXml() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE KeyContainer [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<KeyContainer xmlns="urn:ietf:params:xml:ns:keyprov:pskc" Version="1.0">&xxe;</KeyContainer>
				""";

		Response response = importer().upload(xxe, "xxe.pskcxml", Map.of());

		assertRefused(response, 400, "unsafeXml",
				"This PSKC file declares a DTD/entities, which Keyfob refuses for safety");
		assertThat(response.text()).doesNotContain("root:");
	}

	@Test
	void uploadWhenEncryptedAndNoKeyThen400KeyRequired() {
		Response response = importer().upload(pskcWithPsk(prefix()), "psk.pskcxml", Map.of());

		assertRefused(response, 400, "keyRequired",
				"This file is encrypted with a pre-shared key: give the key with the 'psk' field (hex)");
	}

	@Test
	void uploadWhenWrongPreSharedKeyThen400WrongKeyWithoutEchoingIt() {
		String wrong = "0f0e0d0c0b0a09080706050403020100";

		Response response = importer().upload(pskcWithPsk(prefix()), "psk.pskcxml", Map.of("psk", wrong));

		assertRefused(response, 400, "wrongKey", "The key or password is wrong: it does not decrypt this file");
		assertThat(response.text()).doesNotContain(wrong);
	}

	@Test
	void uploadWhenWrongPasswordThen400WrongKeyWithoutEchoingIt() {
		byte[] file = serials(TestSeedFiles.resource("pskc/csv2pskc/password.pskcxml"), prefix());

		Response response = importer().upload(file, "password.pskcxml", Map.of("password", "incorrect horse"));

		assertRefused(response, 400, "wrongKey", "The key or password is wrong: it does not decrypt this file");
		assertThat(response.text()).doesNotContain("incorrect horse");
	}

	@Test
	void uploadWhenPreSharedKeyIsNotHexThen400WithoutEchoingIt() {
		Response response = importer().upload(pskcWithPsk(prefix()), "psk.pskcxml", Map.of("psk", "secret-key!"));

		assertRefused(response, 400, "invalidRequest",
				"psk: the pre-shared key must be given as hex digits (0-9, a-f), two per byte");
		assertThat(response.text()).doesNotContain("secret-key!");
	}

	@Test
	void uploadWhenOneMacFailsAndRejectFileThen400MacCheckFailed() {
		String prefix = prefix();

		Response response = importer().upload(tamperedMac(prefix), "psk.pskcxml",
				Map.of("psk", PSK, "macCheck", "rejectFile"));

		assertRefused(response, 400, "macCheckFailed", "KeyPackage 2 (serial " + prefix
				+ "T-0002): MAC check failed: the file was changed or the key is wrong; nothing is imported from a "
				+ "file that fails a MAC check");
	}

	@Test
	void uploadWhenLargerThanTheLimitThen413() {
		String big = HEADER + "x".repeat(70 * 1024);

		Response response = importer().upload(big, "big.csv", Map.of());

		assertRefused(response, 413, "fileTooLarge", "The file is larger than 64 KB, the most this server accepts "
				+ "(keyfob.seed-import.max-file-size): split it into smaller files");
	}

	@Test
	void uploadWhenCallerMayNotImportThen403BeforeTheBodyIsRead() throws IOException {
		String token = GraphCalls.client(this.port).appToken(Set.of("User.Read.All"));
		// the body never comes: only a check made before reading it can answer
		String answer = rawUpload(token, 1024);
		assertThat(answer).startsWith("HTTP/1.1 403").contains("Authorization_RequestDenied");
	}

	@Test
	void uploadWhenDeclaredLengthAboveTheLimitThen413Unread() throws IOException {
		String token = GraphCalls.client(this.port).appToken(Set.of(IMPORT));
		String answer = rawUpload(token, 100L * 1024 * 1024);
		assertThat(answer).startsWith("HTTP/1.1 413").contains("fileTooLarge");
	}

	// the probe's case: a plain user's 190 MB upload, answered before a byte of the body
	// is sent, so nothing of it can reach the heap, and the log stays calm
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void uploadWhenPlainUserDeclares190MegabytesThenRefusedUnreadAndLogCalm(CapturedOutput output) throws IOException {
		String token = GraphCalls.client(this.port).appToken(Set.of("User.Read.All"));
		String answer = rawUpload(token, 190L * 1024 * 1024);
		assertThat(answer).containsPattern("^HTTP/1.1 4\\d\\d ").contains("\"error\"");
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("ERROR");
	}

	@Test
	void uploadWhenTwoUploadsAreBeingReadThenTheThird503() throws IOException {
		String token = GraphCalls.client(this.port).appToken(Set.of(IMPORT));
		try (Socket first = startUpload(token); Socket second = startUpload(token)) {
			String third = "";
			for (int i = 0; i < 50 && !third.startsWith("HTTP/1.1 503"); i++) {
				third = rawUpload(token, 1024);
			}
			assertThat(third).startsWith("HTTP/1.1 503").contains("serviceNotAvailable").contains("Retry-After: 5");
		}
		awaitUploadsReadable();
	}

	// The server frees the two held uploads when it notices their closed connections,
	// which
	// on a busy machine may come after the next test's upload: wait for it.
	private void awaitUploadsReadable() {
		Polling.until("held uploads freed", () -> importer().upload(HEADER, "empty.csv", Map.of()).status() != 503);
	}

	// headers and the start of a multipart body whose rest never comes; returns the
	// answer
	private String rawUpload(String token, long declaredLength) throws IOException {
		try (Socket socket = startUpload(token, declaredLength)) {
			socket.setSoTimeout(5000);
			byte[] answer = new byte[4096];
			int read = socket.getInputStream().read(answer);
			return (read > 0) ? new String(answer, 0, read, StandardCharsets.UTF_8) : "";
		}
		catch (java.net.SocketTimeoutException ex) {
			return "no answer before the body";
		}
	}

	private Socket startUpload(String token) throws IOException {
		return startUpload(token, 1024);
	}

	private Socket startUpload(String token, long declaredLength) throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		String head = "POST " + SeedImportClient.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
				+ "\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + declaredLength
				+ "\r\n\r\n--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n";
		socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
		socket.getOutputStream().flush();
		return socket;
	}

	@Test
	void uploadWhenMoreRowsThanTheLimitThen400TooManyRows() {
		String prefix = prefix();
		String rows = IntStream.rangeClosed(1, 51)
			.mapToObj((i) -> prefix + i + "," + base32(randomSecret()) + ",30,Acme,A1\n")
			.collect(Collectors.joining());

		Response response = importer().upload(HEADER + rows, "many.csv", Map.of());

		assertRefused(response, 400, "tooManyRows", "This file has more than 50 tokens: split it into smaller files");
		assertThat(this.inventory.findBySerialNumber(prefix + 1)).isEmpty();
	}

	@Test
	void uploadWhenFileAssignsTokensWithoutTheRightToThen403() {
		String upn = user();

		Response response = client(IMPORT).upload(
				ENTRA_HEADER + upn + "," + prefix() + "1," + base32(randomSecret()) + ",30,Acme,A1\n", "entra.csv",
				Map.of());

		assertRefused(response, 403, "Authorization_RequestDenied",
				"1 rows of this file assign their token to a user, which needs the permission "
						+ "UserAuthenticationMethod.ReadWrite.All as well: import it as a caller who holds it, or "
						+ "remove the users from the file to import the tokens unassigned");
	}

	@Test
	void uploadWhenFileEmptyThen400AndUnknownJobThen404() {
		Response response = importer().upload(new byte[0], "x", Map.of());
		Response noFile = SeedImportClient.withToken(this.port, GraphCalls.client(this.port).appToken(Set.of(IMPORT)))
			.get("/api/v1/seed-imports/" + UUID.randomUUID());

		assertRefused(response, 400, "unknownFileFormat", "The file is empty");
		assertRefused(noFile, 404, "importNotFound", null);
	}

	@Test
	void uploadWhenUnknownFormatNameThen400() {
		Response response = importer().upload(HEADER, "x.csv", Map.of("format", "excel"));

		assertRefused(response, 400, "invalidRequest",
				"format: use entraCsv, vendorCsv, privacyIdeaCsv or pskc, or leave it out to detect the format from "
						+ "the file");
	}

	// rows rejected one by one: the job succeeds, the report says why

	@Test
	void importWhenRowsBreakRulesThenEachRejectedWithLineAndReasonAndTheRestStored() {
		String prefix = prefix();
		String csv = HEADER + prefix + "1," + base32(randomSecret()) + ",30,Acme,A1\n" // line
																						// 2:
																						// good
				+ prefix + "1," + base32(randomSecret()) + ",30,Acme,A1\n" // line 3:
																			// repeated
				+ prefix + "3," + base32(randomSecret()) + ",45,Acme,A1\n" // line 4:
																			// interval 45
				+ prefix + "4,GEZD8NBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,Acme,A1\n" // line 5:
																				// '8'
				+ prefix + "5,3132333435363738393031323334353637383930,30,Acme,A1\n" // line
																						// 6:
																						// hex
				+ prefix + "6," + base32(randomSecret()) + ",30,Acme,\n"; // line 7: no
																			// model

		JsonNode job = importer().importFile(csv.getBytes(StandardCharsets.UTF_8), "rows.csv", Map.of());

		assertThat(job.get("status").stringValue()).isEqualTo("succeeded");
		assertThat(messages(job.get("rejectedRows"))).containsExactly(
				"line 3: serial number " + prefix + "1 appears again (first on line 2)",
				"line 4: time interval 45 is not allowed: use 30 or 60",
				"line 5: secret key: Base32 allows only the letters A-Z and the digits 2-7; found '8' at position 5",
				"line 6: secret key: Base32 allows only the letters A-Z and the digits 2-7; found '1' at position 2; "
						+ "this looks like a hex secret: convert it to Base32, or import the file with 'secretEncoding' hex",
				"line 7: the file names no model for this token: add it to the file, or give one for the whole file "
						+ "with the 'model' field");
		assertThat(job.get("rejectedRows").get(0).get("line").intValue()).isEqualTo(3);
		assertThat(job.get("rejectedRows").get(0).get("serialNumber").stringValue()).isEqualTo(prefix + "1");
		assertThat(job.get("counts").get("created").intValue()).isOne();
		assertThat(job.get("counts").get("rejected").intValue()).isEqualTo(5);
		assertThat(job.get("message").stringValue()).isEqualTo("6 rows: 1 created, 5 rejected");
		assertThat(this.inventory.findBySerialNumber(prefix + "1")).isPresent();
		assertThat(this.inventory.findBySerialNumber(prefix + "6")).isEmpty();
	}

	@Test
	void importWhenToken2ExampleWithHexLookingKeyThenRejectedWithAdvice() {
		JsonNode job = importer().importFile(TestSeedFiles.resource("csv/token2-example.csv"), "token2.csv", Map.of());

		assertThat(messages(job.get("rejectedRows"))).containsExactly(
				"line 2: secret key: Base32 allows only the letters A-Z and the digits 2-7; found '1' at position 1; "
						+ "this looks like a hex secret: convert it to Base32, or import the file with 'secretEncoding' hex");
	}

	@Test
	void importWhenUpnOfNoUserThenRowRejected() {
		String upn = user();
		String prefix = prefix();
		String csv = ENTRA_HEADER + upn + "," + prefix + "1," + base32(randomSecret()) + ",30,Acme,A1\n" + "nobody-"
				+ prefix + "@contoso.com," + prefix + "2," + base32(randomSecret()) + ",30,Acme,A1\n";

		JsonNode job = importer().importFile(csv.getBytes(StandardCharsets.UTF_8), "entra.csv", Map.of());

		assertThat(messages(job.get("rejectedRows"))).containsExactly("line 3: no user has the user principal name "
				+ "(upn) 'nobody-" + prefix + "@contoso.com': create the user first, or correct the file");
		assertThat(job.get("counts").get("assigned").intValue()).isOne();
		assertThat(this.inventory.getBySerialNumber(prefix + "1").assignedTo()).isNotNull();
		assertThat(this.inventory.findBySerialNumber(prefix + "2")).isEmpty();
	}

	@Test
	void importWhenFileGivesAUserMoreTokensThanAllowedThenTheRestRejected() {
		String upn = user();
		String prefix = prefix();
		String csv = ENTRA_HEADER + IntStream.rangeClosed(1, 6)
			.mapToObj((i) -> upn + "," + prefix + i + "," + base32(randomSecret()) + ",30,Acme,A1\n")
			.collect(Collectors.joining());

		JsonNode job = importer().importFile(csv.getBytes(StandardCharsets.UTF_8), "entra.csv", Map.of());

		assertThat(messages(job.get("rejectedRows"))).containsExactly("line 7: cannot assign the token to " + upn
				+ ": the user would hold more hardware OATH tokens than allowed (counting the earlier rows of this "
				+ "file): unassign one first, or leave this token unassigned");
		assertThat(job.get("counts").get("assigned").intValue()).isEqualTo(5);
	}

	@Test
	void importWhenOneMacFailsThenOnlyThatKeyRejected() {
		String prefix = prefix();

		JsonNode job = importer().importFile(tamperedMac(prefix), "psk.pskcxml", Map.of("psk", PSK, "model", "c200"));

		assertThat(messages(job.get("rejectedRows"))).containsExactly("KeyPackage 2 (serial " + prefix
				+ "T-0002): MAC check failed: the file was changed or the key is wrong");
		assertThat(job.get("rejectedRows").get(0).get("keyPackage").intValue()).isEqualTo(2);
		assertThat(job.get("counts").get("created").intValue()).isEqualTo(2);
	}

	// the inventory already holds the serial number

	@Test
	void importWhenSameFileAgainThenEveryTokenUnchanged() {
		byte[] csv = csv(prefix(), randomSecret(), randomSecret());

		JsonNode first = importer().importFile(csv, "tokens.csv", Map.of());
		JsonNode again = importer().importFile(csv, "tokens.csv", Map.of());

		assertThat(first.get("counts").get("created").intValue()).isEqualTo(2);
		assertThat(again.get("counts").get("unchanged").intValue()).isEqualTo(2);
		assertThat(again.get("counts").get("created").intValue()).isZero();
		assertThat(again.get("progress").get("storedRows").intValue()).isZero();
		assertThat(again.get("message").stringValue()).isEqualTo("2 rows: 2 unchanged");
	}

	@Test
	void importWhenSerialKnownWithAnotherSecretThenRejectedUnlessReplace() {
		String prefix = prefix();
		byte[] oldSecret = randomSecret();
		byte[] newSecret = randomSecret();
		importer().importFile(csv(prefix, oldSecret), "old.csv", Map.of());

		JsonNode refused = importer().importFile(csv(prefix, newSecret), "new.csv", Map.of());
		JsonNode replaced = importer().importFile(csv(prefix, newSecret), "new.csv", Map.of("replace", "true"));

		assertThat(messages(refused.get("rejectedRows"))).containsExactly("line 2: serial " + prefix
				+ "1 is already in the inventory with a different secret: import with replace to overwrite it, only "
				+ "possible while the token is unassigned");
		assertThat(replaced.get("counts").get("replaced").intValue()).isOne();
		this.tokens.assertAcceptsTotp(prefix + "1", newSecret);
		HardwareOathToken token = this.inventory.getBySerialNumber(prefix + "1");
		String oldCode = TokenDisplay.totp(oldSecret, token.hashFunction(), 6, 30,
				this.clock.instant().plusSeconds(30));
		assertThat(this.codes.check(token.id(), OtpCode.parse(oldCode), CheckWindow.signIn()).accepted()).isFalse();
	}

	@Test
	void importWhenSameSecretButOtherIntervalThenRejectedNamingTheDifference() {
		String prefix = prefix();
		byte[] secret = randomSecret();
		importer().importFile(csv(prefix, secret), "old.csv", Map.of());
		String sixty = HEADER + prefix + "1," + base32(secret) + ",60,Acme,A1\n";

		JsonNode job = importer().importFile(sixty.getBytes(StandardCharsets.UTF_8), "new.csv", Map.of());

		assertThat(messages(job.get("rejectedRows"))).containsExactly("line 2: serial " + prefix + "1 is already in "
				+ "the inventory with other settings (time interval 30 s in the inventory, 60 s in the file): import "
				+ "with replace to overwrite it, only possible while the token is unassigned");
	}

	@Test
	void importWithReplaceWhenTokenAssignedThenRejected() {
		String prefix = prefix();
		String upn = user();
		String entra = ENTRA_HEADER + upn + "," + prefix + "1," + base32(randomSecret()) + ",30,Acme,A1\n";
		importer().importFile(entra.getBytes(StandardCharsets.UTF_8), "entra.csv", Map.of());

		JsonNode job = importer().importFile(csv(prefix, randomSecret()), "new.csv", Map.of("replace", "true"));

		assertThat(messages(job.get("rejectedRows"))).containsExactly("line 2: serial " + prefix
				+ "1 is assigned to a user, so replace cannot overwrite it: unassign the token first, then import the "
				+ "file again");
		assertThat(job.get("counts").get("replaced").intValue()).isZero();
	}

	@Test
	void importWhenIdenticalTokenAvailableAndFileNamesAUserThenAssignedOnly() {
		String prefix = prefix();
		byte[] secret = randomSecret();
		this.inventory.create(NewHardwareOathToken.totp(prefix + "1", "Acme", "A1", TokenSecret.of(secret), 30));
		String upn = user();
		String entra = ENTRA_HEADER + upn + "," + prefix + "1," + base32(secret) + ",30,Acme,A1\n";

		JsonNode job = importer().importFile(entra.getBytes(StandardCharsets.UTF_8), "entra.csv", Map.of());

		assertThat(job.get("counts").get("unchanged").intValue()).isOne();
		assertThat(job.get("counts").get("assigned").intValue()).isOne();
		assertThat(this.inventory.getBySerialNumber(prefix + "1").assignedTo()).isNotNull();
	}

	// dry run and all-or-nothing

	@Test
	void dryRunThenReportsWhatWouldHappenAndStoresNothing() {
		String prefix = prefix();
		String csv = new String(csv(prefix, randomSecret(), randomSecret()), StandardCharsets.UTF_8) + prefix + "3,"
				+ base32(randomSecret()) + ",45,Acme,A1\n";

		JsonNode job = importer().importFile(csv.getBytes(StandardCharsets.UTF_8), "dry.csv", Map.of("dryRun", "true"));

		assertThat(job.get("dryRun").booleanValue()).isTrue();
		assertThat(job.get("message").stringValue())
			.isEqualTo("Dry run, nothing stored. 3 rows: 2 would be created, 1 rejected");
		assertThat(job.get("counts").get("created").intValue()).isEqualTo(2);
		assertThat(job.get("progress").get("storedRows").intValue()).isZero();
		assertThat(this.inventory.findBySerialNumber(prefix + "1")).isEmpty();
		assertThat(this.inventory.findBySerialNumber(prefix + "2")).isEmpty();
	}

	@Test
	void allOrNothingWhenARowIsRejectedThenNothingStored() {
		String prefix = prefix();
		String csv = new String(csv(prefix, randomSecret(), randomSecret()), StandardCharsets.UTF_8) + prefix + "3,"
				+ base32(randomSecret()) + ",45,Acme,A1\n";

		JsonNode job = importer().importFile(csv.getBytes(StandardCharsets.UTF_8), "strict.csv",
				Map.of("allOrNothing", "true"));

		assertThat(job.get("status").stringValue()).isEqualTo("succeeded");
		assertThat(job.get("message").stringValue()).isEqualTo(
				"Nothing was stored: 1 row was rejected and the import was all-or-nothing. Fix it and import the file "
						+ "again.");
		assertThat(messages(job.get("rejectedRows")))
			.containsExactly("line 4: time interval 45 is not allowed: use 30 or 60");
		assertThat(job.get("counts").get("created").intValue()).isZero();
		assertThat(this.inventory.findBySerialNumber(prefix + "1")).isEmpty();
	}

	@Test
	void allOrNothingWhenEveryRowIsGoodThenAllStored() {
		String prefix = prefix();

		JsonNode job = importer().importFile(csv(prefix, randomSecret(), randomSecret(), randomSecret()), "ok.csv",
				Map.of("allOrNothing", "true"));

		assertThat(job.get("counts").get("created").intValue()).isEqualTo(3);
		assertThat(this.inventory.findBySerialNumber(prefix + "3")).isPresent();
	}

	@Test
	void jobWhenFinishedThenListedAndNoSecretInAnyAnswer() {
		byte[] first = randomSecret();
		byte[] second = randomSecret();
		Response accepted = importer().upload(csv(prefix(), first, second), "listed.csv", Map.of());
		JsonNode job = importer().await(accepted);
		Response list = importer().get("/api/v1/seed-imports");

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.location()).isEqualTo("/api/v1/seed-imports/" + job.get("id").stringValue());
		assertThat(accepted.json().get("status").stringValue()).isIn("queued", "running", "succeeded");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().get("value")).extracting((item) -> item.get("id").stringValue())
			.contains(job.get("id").stringValue());
		assertThat(job.get("requestedBy").stringValue()).startsWith("app test client [");
		TestSeedFiles.assertNoSecretIn(List.of(accepted.text(), job.toString(), list.text()), first, second);
	}

	@Test
	void exportThenEveryTokenAsCsvWithoutSecrets() {
		String prefix = prefix();
		byte[] first = randomSecret();
		byte[] second = randomSecret();
		String upn = user();
		String entra = ENTRA_HEADER + upn + "," + prefix + "1," + base32(first) + ",60,\"Acme, Inc.\",=A1\n";
		importer().importFile(entra.getBytes(StandardCharsets.UTF_8), "entra.csv", Map.of());
		importer().importFile(csv(prefix + "x", second), "vendor.csv", Map.of());
		HardwareOathToken assigned = this.inventory.getBySerialNumber(prefix + "1");

		Response export = client("Policy.Read.All").get("/api/v1/inventory/export");

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.text()).startsWith("serial number,manufacturer,model,display name,type,hash function,"
				+ "digits,time interval,status,assigned to,assigned to name,created,last used\r\n");
		assertThat(export.text()).contains(prefix + "1,\"Acme, Inc.\",'=A1,,totp,hmacsha1,6,60,assigned,"
				+ assigned.assignedTo() + "," + upn + "," + assigned.createdDateTime() + ",\r\n");
		assertThat(export.text()).contains(prefix + "x1,Acme,A1,,totp,hmacsha1,6,30,available,,,");
		TestSeedFiles.assertNoSecretIn(List.of(export.text()), first, second);
	}

	static void assertRefused(Response response, int status, String code, String message) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.errorCode()).isEqualTo(code);
		if (message != null) {
			assertThat(response.errorMessage()).isEqualTo(message);
		}
		assertThat(response.json().get("error").get("innerError").get("request-id").isString()).isTrue();
	}

	static List<String> messages(JsonNode rows) {
		return rows.valueStream().map((row) -> row.get("message").stringValue()).toList();
	}

	static byte[] csv(String prefix, byte[]... secrets) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < secrets.length; i++) {
			csv.append(prefix).append(i + 1).append(',').append(base32(secrets[i])).append(",30,Acme,A1\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	byte[] pskcWithPsk(String prefix) {
		return serials(TestSeedFiles.resource("pskc/csv2pskc/psk-aes128.pskcxml"), prefix);
	}

	byte[] tamperedMac(String prefix) {
		String xml = new String(pskcWithPsk(prefix), StandardCharsets.UTF_8);
		int first = xml.indexOf("<pskc:ValueMAC>");
		int second = xml.indexOf("<pskc:ValueMAC>", first + 1) + "<pskc:ValueMAC>".length();
		int end = xml.indexOf("</pskc:ValueMAC>", second);
		return (xml.substring(0, second) + "AAAAAAAAAAAAAAAAAAAAAAAAAAA=" + xml.substring(end))
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] serials(byte[] file, String prefix) {
		return new String(file, StandardCharsets.UTF_8).replace("KF-", prefix).getBytes(StandardCharsets.UTF_8);
	}

	static String prefix() {
		return "SI" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	static byte[] randomSecret() {
		return ChosenSeeds.next();
	}

	static String base32(byte[] secret) {
		return Base32.encode(secret);
	}

}
