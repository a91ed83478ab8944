package io.keyfob.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which arguments run a command instead of the server, and what wrong usage answers,
 * without any server.
 */
class KeyfobCommandLineTests {

	@Test
	void isCommandWhenFirstArgumentNamesACommandThenTrue() {
		assertThat(KeyfobCommandLine.isCommand(new String[] { "import", "tokens.csv" })).isTrue();
		assertThat(KeyfobCommandLine.isCommand(new String[] { "help" })).isTrue();
	}

	@Test
	void isCommandWhenServerArgumentsOrNoneThenFalse() {
		assertThat(KeyfobCommandLine.isCommand(new String[0])).isFalse();
		assertThat(KeyfobCommandLine.isCommand(new String[] { "--server.port=9090" })).isFalse();
		assertThat(KeyfobCommandLine.isCommand(new String[] { "tokens.csv", "import" })).isFalse();
	}

	@Test
	void importHelpThenListsOptionsAndExitCodes() {
		Result result = run("import", "--help");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("--psk=HEX", "--psk-file=FILE", "--password-file=FILE", "--dry-run",
				"--all-or-nothing", "--replace", "--format=FORMAT", "--server=<server>", "--client-id=<clientId>",
				"--client-secret-file=<clientSecretFile>", "Exit codes:",
				"1   some rows rejected; with --all-or-nothing nothing was stored");
	}

	@Test
	void importWhenClientOptionsMissingThenUsageExitTwo() {
		Result result = run("import", "tokens.csv");

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("Missing required options").contains("--client-id");
	}

	@Test
	void importWhenClientSecretFileMissingThenUsageExitTwo() {
		Result result = run("import", "pom.xml", "--server", "http://127.0.0.1:1", "--client-id", "x",
				"--client-secret-file", "no-such-file");

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).isEqualTo("Error: Cannot read the client secret file no-such-file\n");
	}

	@Test
	void importWhenSeedFileMissingThenUsageExitTwoBeforeAnyRequest() {
		Result result = run("import", "no-such.csv", "--server", "http://127.0.0.1:1", "--client-id", "x",
				"--client-secret-file", "pom.xml");

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).isEqualTo("Error: Cannot read the seed file no-such.csv\n");
	}

	private static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = KeyfobCommandLine.run(args, new PrintWriter(out), new PrintWriter(err));
		return new Result(exitCode, out.toString(), err.toString());
	}

	record Result(int exitCode, String out, String err) {
	}

}
