package io.keyfob.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.keyfob.support.GraphTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's commands against a running Keyfob, over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CommandLineIntegrationTests {

	@LocalServerPort
	int port;

	@TempDir
	Path directory;

	@Test
	void isCommandWhenCommandNameThenTrueAndServerSettingsFalse() {
		assertThat(KeyfobCommandLine.isCommand(new String[] { "users", "import", "x.csv" })).isTrue();
		assertThat(KeyfobCommandLine.isCommand(new String[] { "clients", "create" })).isTrue();
		assertThat(KeyfobCommandLine.isCommand(new String[] { "--server.port=9090" })).isFalse();
		assertThat(KeyfobCommandLine.isCommand(new String[0])).isFalse();
	}

	@Test
	void usersImportWhenFileGivenThenUsersCreatedAndRefusedRowsListed() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Path csv = Files.writeString(this.directory.resolve("users.csv"), "userPrincipalName,displayName\n" + "cli1-"
				+ tag + "@example.org,One\ncli2-" + tag + "@example.org,Two\nbroken,Three\n");
		Result result = run("users", "import", csv.toString(), "--server", server(), "--client-id",
				GraphTestClient.BOOTSTRAP_CLIENT_ID, "--client-secret-file", secretFile().toString());
		assertThat(result.code()).as(result.err()).isEqualTo(1);
		assertThat(result.out()).contains("Created 2 users, refused 1 rows.").contains("line 4  broken");
		assertThat(GraphTestClient.forPort(this.port)
			.get("/beta/users/cli1-" + tag + "@example.org", GraphTestClient.forPort(this.port).bootstrapToken())
			.status()).isEqualTo(200);
	}

	@Test
	void clientsCreateWhenPermissionsGivenThenNewClientGetsTokens() throws Exception {
		Result result = run("clients", "create", "--name", "VPN", "--permission", "HardwareOath.Verify", "--server",
				server(), "--client-id", GraphTestClient.BOOTSTRAP_CLIENT_ID, "--client-secret-file",
				secretFile().toString());
		assertThat(result.code()).as(result.err()).isZero();
		String clientId = line(result.out(), "Client id");
		String secret = line(result.out(), "Client secret");
		GraphTestClient graph = GraphTestClient.forPort(this.port);
		assertThat(graph.clientCredentials(clientId, secret)).isNotBlank();
		Result list = run("clients", "list", "--server", server(), "--client-id", GraphTestClient.BOOTSTRAP_CLIENT_ID,
				"--client-secret-file", secretFile().toString());
		assertThat(list.out()).contains(clientId).contains("HardwareOath.Verify").doesNotContain(secret);
	}

	@Test
	void radiusClientsWhenCreatedListedDeletedThenSecretShownOnce() throws Exception {
		String[] server = { "--server", server(), "--client-id", GraphTestClient.BOOTSTRAP_CLIENT_ID,
				"--client-secret-file", secretFile().toString() };
		Result created = run(concat(new String[] { "radius-clients", "create", "--name", "Edge VPN", "--address",
				"192.0.2.0/24", "--mode", "challenge" }, server));
		assertThat(created.code()).as(created.err()).isZero();
		String id = line(created.out(), "Id");
		String secret = line(created.out(), "Shared secret");
		assertThat(secret).matches("[A-Za-z0-9]{32}");
		Result list = run(concat(new String[] { "radius-clients", "list" }, server));
		assertThat(list.out()).contains(id + "  192.0.2.0/24  challenge  Edge VPN").doesNotContain(secret);
		Result deleted = run(concat(new String[] { "radius-clients", "delete", id }, server));
		assertThat(deleted.code()).as(deleted.err()).isZero();
		assertThat(run(concat(new String[] { "radius-clients", "list" }, server)).out()).doesNotContain(id);
		Result again = run(concat(new String[] { "radius-clients", "delete", id }, server));
		assertThat(again.code()).isNotZero();
		assertThat(again.err()).contains("No RADIUS client has the id");
	}

	private static String[] concat(String[] first, String[] second) {
		return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(second))
			.toArray(String[]::new);
	}

	@Test
	void commandWhenSecretWrongThenExitTwoWithoutSecret() throws Exception {
		Path wrong = Files.writeString(this.directory.resolve("wrong"), "not-the-secret\n");
		Result result = run("clients", "list", "--server", server(), "--client-id", GraphTestClient.BOOTSTRAP_CLIENT_ID,
				"--client-secret-file", wrong.toString());
		assertThat(result.code()).isEqualTo(2);
		assertThat(result.err()).contains("refused the client credentials").doesNotContain("not-the-secret");
	}

	private Path secretFile() throws Exception {
		return Files.writeString(this.directory.resolve("secret"), GraphTestClient.BOOTSTRAP_CLIENT_SECRET + "\n");
	}

	private String server() {
		return "http://127.0.0.1:" + this.port;
	}

	private static String line(String output, String label) {
		return output.lines()
			.filter((line) -> line.startsWith(label))
			.findFirst()
			.orElseThrow()
			.substring(label.length())
			.strip();
	}

	private static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = KeyfobCommandLine.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Result(code, out.toString(), err.toString());
	}

	private record Result(int code, String out, String err) {
	}

}
