package io.keyfob.token;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.keyfob.otp.OtpCode;
import io.keyfob.support.ChosenSeeds;
import io.keyfob.support.CrashingKeyfob;
import io.keyfob.support.Keyfob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An accepted code must stay used after a crash, or it could be replayed within its
 * window. A child JVM runs Keyfob on the embedded database in file mode, has a code
 * accepted, and is killed with SIGKILL the moment it reports; a new Keyfob on the same
 * files must call that code a replay.
 */
class ReplayGuardCrashIntegrationTests {

	static final String MASTER_KEY = "C".repeat(43) + "=";

	@TempDir
	Path dataDirectory;

	@Test
	void checkWhenProcessKilledRightAfterAcceptingThenCodeStaysUsed() throws Exception {
		// the child checks a code at its own wall-clock time
		byte[] secret = ChosenSeeds.totp(Instant.now());
		Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), CrashingKeyfob.class.getName(),
				this.dataDirectory.toString(), MASTER_KEY, HexFormat.of().formatHex(secret)))
			.redirectErrorStream(true)
			.start();
		String[] result;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			result = awaitResult(out);
		}
		finally {
			child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close of the
										// database
			child.waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(result[1]).isEqualTo("ACCEPTED");
		long acceptedStep = Long.parseLong(result[2]);

		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory,
				"--keyfob.secrets.master-key=" + MASTER_KEY)) {
			HardwareOathToken token = keyfob.getBean(TokenInventory.class).getBySerialNumber("CRASH-1");
			CodeCheck again = keyfob.getBean(TokenCodes.class)
				.check(token.id(), OtpCode.parse(result[3]), new CheckWindow(10, 10, 0));
			assertThat(again.outcome()).isEqualTo(CodeCheck.Outcome.REPLAYED);
			assertThat(token.lastUsedDateTime()).isNotNull();
			assertThat(acceptedStep).isPositive();
		}
	}

	private static String[] awaitResult(BufferedReader out) throws IOException {
		StringBuilder seen = new StringBuilder();
		for (String line = out.readLine(); line != null; line = out.readLine()) {
			if (line.startsWith("RESULT ")) {
				return line.split(" ");
			}
			seen.append(line).append('\n');
		}
		throw new AssertionError("The child process ended without accepting a code:\n" + seen);
	}

}
