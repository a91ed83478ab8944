package io.keyfob.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.keyfob.otp.Base32;
import io.keyfob.otp.Hex;
import io.keyfob.seedimport.TestSeedFiles;
import io.keyfob.support.GraphCalls;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.SeedImportTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keyfob import} against a Keyfob on loopback, run in this JVM through the command
 * line's entry point (and once as a child JVM through the application's {@code main}),
 * signing in with a registered client's credentials like an admin's script would: each
 * format end to end, the exit codes, and the report on standard output.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "keyfob.seed-import.batch-size=3")
class ImportCommandIntegrationTests extends SeedImportTestBase {

	@TempDir
	Path folder;

	@Test
	void importEntraCsvThenTokensAssignedAndExitZero() throws IOException {
		user("helga@contoso.com");
		user("lee@contoso.com");

		Run run = keyfob(IMPORT, ASSIGN).run("import", fixture("csv/entra.csv"));

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).isEqualTo("2 rows: 2 created; 2 assigned to users\n");
		assertThat(run.err()).startsWith("Uploaded ").contains("2 tokens");
		assertThat(this.tokens.assertAcceptsTotp("1234567", TestSeedFiles.RFC_SEED).assignedTo()).isNotNull();
	}

	@Test
	void importVendorCsvThenTokensWork() throws IOException {
		Run run = keyfob(IMPORT).run("import", fixture("csv/deepnet-example.csv"));

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).isEqualTo("2 rows: 2 created\n");
		this.tokens.assertAcceptsTotp("10001001", Base32.decode("234567ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
	}

	@Test
	void importPrivacyIdeaCsvWithModelThenHotpTokensWork() throws IOException {
		Run run = keyfob(IMPORT).run("import", fixture("csv/privacyidea-v1.csv"), "--manufacturer", "privacyIDEA",
				"--model", "OATH", "--format", "privacyIdeaCsv");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).isEqualTo("""
				6 rows: 6 created
				warning: line 3: no time interval given; assumed 30 seconds
				warning: line 6: the file does not name a hash function; HMAC-SHA256 assumed from the 32-byte secret
				""");
		this.tokens.assertAcceptsHotp("tok3", TestSeedFiles.RFC_SEED, 5);
	}

	@Test
	void importPskcPlainThenWithPskFileThenWithPasswordFileThenUnchanged() throws IOException {
		Path psk = secretFile("psk", "000102030405060708090a0b0c0d0e0f\n");
		Path password = secretFile("password", "correct horse battery staple\n");

		Run plain = keyfob(IMPORT).run("import", fixture("pskc/csv2pskc/plain.pskcxml"), "--model", "c200");
		Run withPsk = keyfob(IMPORT).run("import", fixture("pskc/csv2pskc/psk-aes128.pskcxml"), "--psk-file",
				psk.toString(), "--model", "c200");
		Run withPassword = keyfob(IMPORT).run("import", fixture("pskc/csv2pskc/password.pskcxml"), "--password-file",
				password.toString(), "--model", "c200");

		assertThat(plain.exitCode()).as(plain.toString()).isZero();
		assertThat(plain.out()).startsWith("3 rows: 3 created\n");
		assertThat(withPsk.out()).startsWith("3 rows: 3 unchanged\n");
		assertThat(withPassword.out()).startsWith("3 rows: 3 unchanged\n");
		this.tokens.assertAcceptsTotp("KF-T-0002", Hex.decode("6b9f0d2c41e87a53c0d4f2b19e6a7d3580c4e1f2"));
		this.tokens.assertAcceptsHotp("KF-H-0003", TestSeedFiles.RFC_SEED_32, 7);
	}

	@Test
	void importPskcWithPskOnTheCommandLineThenTokenWorks() throws IOException {
		Run run = keyfob(IMPORT).run("import", fixture("pskc/rfc6030-figure6.pskcxml"), "--psk",
				"12345678901234567890123456789012", "--model", "RFC");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		this.tokens.assertAcceptsHotp("987654321", TestSeedFiles.RFC_SEED, 0);
	}

	@Test
	void importWhenRowsRejectedThenReportOnStandardOutputAndExitOne() throws IOException {
		String prefix = "CLI" + UUID.randomUUID().toString().substring(0, 8) + "-";
		Path csv = file("rows.csv",
				"serial number,secret key,time interval,manufacturer,model\n" + prefix
						+ "1,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,Acme,A1\n" + prefix
						+ "2,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,45,Acme,A1\n");

		Run run = keyfob(IMPORT).run("import", csv.toString());

		assertThat(run.exitCode()).isOne();
		assertThat(run.out()).isEqualTo(
				"2 rows: 1 created, 1 rejected\nrejected: line 3: time interval 45 is not allowed: use 30 or 60\n");
	}

	@Test
	void importAllOrNothingDryRunAndJsonThenNothingStored() throws IOException {
		String serial = "CLI" + UUID.randomUUID().toString().substring(0, 8);
		Path csv = file("one.csv", "serial number,secret key,time interval,manufacturer,model\n" + serial
				+ ",GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,Acme,A1\n");

		Run run = keyfob(IMPORT).run("import", csv.toString(), "--dry-run", "--all-or-nothing", "--json");

		assertThat(run.exitCode()).as(run.toString()).isZero();
		var job = JsonMapper.builder().build().readTree(run.out());
		assertThat(job.get("dryRun").booleanValue()).isTrue();
		assertThat(job.get("allOrNothing").booleanValue()).isTrue();
		assertThat(job.get("message").stringValue()).isEqualTo("Dry run, nothing stored. 1 row: 1 would be created");
		assertThat(this.inventory.findBySerialNumber(serial)).isEmpty();
	}

	@Test
	void importWhenEncryptedWithoutPasswordOrModelThenMessagesNameThisCommandsFlags() throws IOException {
		Run encrypted = keyfob(IMPORT).run("import", fixture("pskc/csv2pskc/password.pskcxml"));
		String prefix = "CLI" + UUID.randomUUID().toString().substring(0, 8) + "-";
		Path csv = file("nomodel.csv", "serial number,secret key,time interval,manufacturer\n" + prefix
				+ "1,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,Acme\n");
		Run noModel = keyfob(IMPORT).run("import", csv.toString());

		assertThat(encrypted.exitCode()).isEqualTo(2);
		assertThat(encrypted.err())
			.startsWith("Error: This file is encrypted with a password: give it with " + "--password-file FILE");
		assertThat(noModel.out()).contains("rejected: line 2: the file names no model for this token: add it to the "
				+ "file, or give one for the whole file with --model\n");
	}

	@Test
	void importWhenWrongPasswordThenServersMessageAndExitTwo() throws IOException {
		Path password = secretFile("password", "wrong horse\n");

		Run run = keyfob(IMPORT).run("import", fixture("pskc/csv2pskc/password.pskcxml"), "--password-file",
				password.toString());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err())
			.isEqualTo("Error: The key or password is wrong: it does not decrypt this file (HTTP 400)\n");
		assertThat(run.toString()).doesNotContain("wrong horse");
	}

	@Test
	void importWhenNotASeedFileThenExitTwo() throws IOException {
		Run run = keyfob(IMPORT).run("import", file("notes.txt", "just notes\n").toString());

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("Error: This is not a seed file Keyfob knows").endsWith("(HTTP 400)\n");
	}

	@Test
	void importWhenClientSecretWrongThenExitThree() throws IOException {
		GraphTestClient.Client client = GraphCalls.client(this.port)
			.registerClient("cli " + UUID.randomUUID(), Set.of(IMPORT));

		Run run = new Keyfob(this.port, client.clientId(), secretFile("secret", "not-the-secret")).run("import",
				fixture("csv/deepnet-example.csv"));

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.err()).isEqualTo(
				"Error: Keyfob refused the client credentials (HTTP 401): check --client-id and the secret file\n");
	}

	@Test
	void importWhenClientLacksPermissionThenExitThree() throws IOException {
		Run run = keyfob("Policy.Read.All").run("import", fixture("csv/deepnet-example.csv"));

		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.err()).startsWith("Error: ")
			.contains("Policy.ReadWrite.AuthenticationMethod")
			.endsWith("(HTTP 403)\n");
	}

	@Test
	void importWhenServerUnreachableThenExitFour() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		Run run = new Keyfob(closedPort, "any", secretFile("secret", "any")).run("import",
				fixture("csv/deepnet-example.csv"));

		assertThat(run.exitCode()).isEqualTo(4);
		assertThat(run.err())
			.isEqualTo("Error: Cannot connect to http://127.0.0.1:" + closedPort + ": is Keyfob running there?\n");
	}

	@Test
	void importWhenUsageWrongThenExitTwo() throws IOException {
		Keyfob keyfob = keyfob(IMPORT);

		Run noFile = keyfob.run("import", this.folder.resolve("missing.csv").toString());
		Run twoKeys = keyfob.run("import", fixture("csv/entra.csv"), "--psk", "00", "--password-file", "x");

		assertThat(noFile.exitCode()).isEqualTo(2);
		assertThat(noFile.err())
			.isEqualTo("Error: Cannot read the seed file " + this.folder.resolve("missing.csv") + "\n");
		assertThat(twoKeys.exitCode()).isEqualTo(2);
		assertThat(twoKeys.err()).contains("mutually exclusive");
	}

	@Test
	void exportThenInventoryCsvInTheFile() throws IOException {
		String serial = "CLI" + UUID.randomUUID().toString().substring(0, 8);
		keyfob(IMPORT)
			.run("import",
					file("one.csv",
							"serial number,secret key,time interval,manufacturer,model\n" + serial
									+ ",GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,60,Deepnet Security,SafeID/Classic\n")
						.toString());
		Path csv = this.folder.resolve("inventory.csv");

		Run run = keyfob("Policy.Read.All").run("export", "--output", csv.toString());

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(Files.readString(csv)).startsWith("serial number,manufacturer,model,")
			.contains("\r\n" + serial + ",Deepnet Security,SafeID/Classic,,totp,hmacsha1,6,60,available,,,")
			.doesNotContain("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	}

	@Test
	void jarMainWhenImportCommandThenRunsItInsteadOfTheServer() throws Exception {
		Keyfob keyfob = keyfob(IMPORT, ASSIGN);
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), "io.keyfob.KeyfobApplication"));
		command.addAll(keyfob.arguments("import", fixture("csv/privacyidea-v2.csv"), "--model", "OATH",
				"--manufacturer", "privacyIDEA", "--no-progress"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isOne();
		assertThat(output).contains("2 rows: 1 created, 1 rejected")
			.contains(
					"rejected: line 3: no user has the user name 'alice': create the user first, or correct the file");
	}

	Keyfob keyfob(String... permissions) throws IOException {
		GraphTestClient.Client client = GraphCalls.client(this.port)
			.registerClient("cli " + UUID.randomUUID(), Set.of(permissions));
		return new Keyfob(this.port, client.clientId(), secretFile("client-secret", client.secret() + "\n"));
	}

	Path secretFile(String name, String content) throws IOException {
		return file(name + "-" + UUID.randomUUID(), content);
	}

	Path file(String name, String content) throws IOException {
		return Files.writeString(this.folder.resolve(name), content, StandardCharsets.UTF_8);
	}

	String fixture(String path) throws IOException {
		Path file = this.folder.resolve(Path.of(path).getFileName().toString());
		Files.write(file, TestSeedFiles.resource(path));
		return file.toString();
	}

	/** The command line, pointed at one server as one client. */
	record Keyfob(int port, String clientId, Path secretFile) {

		List<String> arguments(String... args) {
			List<String> all = new ArrayList<>(List.of(args));
			all.addAll(List.of("--server", "http://127.0.0.1:" + this.port, "--client-id", this.clientId,
					"--client-secret-file", this.secretFile.toString()));
			return all;
		}

		Run run(String... args) {
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			int exitCode = KeyfobCommandLine.run(arguments(args).toArray(String[]::new), new PrintWriter(out),
					new PrintWriter(err));
			return new Run(exitCode, out.toString(), err.toString());
		}

	}

	/** What a run of the command line printed and how it ended. */
	record Run(int exitCode, String out, String err) {
	}

}
