package io.keyfob.failure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.keyfob.otp.Base32;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;
import io.keyfob.support.GraphCalls;
import io.keyfob.support.SeedImportClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed with SIGKILL in the middle of a 20,000-row seed import, in the default
 * mode and all-or-nothing: after the restart the job is failed (or, all-or-nothing
 * committed just before, succeeded) with counts that match the tokens really stored,
 * every stored token is whole (the same file again finds it unchanged), and a re-run
 * completes the import.
 */
class ImportCrashFailureTests {

	static final int ROWS = 20_000;

	static final String HEADER = "serial number,secret key,time interval,manufacturer,model\n";

	@Test
	void importWhenNodeKilledMidwayThenJobTellsTheTruthAndReRunCompletes() {
		Path directory = KeyfobProcess.directory("import-crash");
		Path data = directory.resolve("node");
		byte[] batched = file("D", 1);
		byte[] whole = file("W", 2);
		String job;
		try (KeyfobProcess node = KeyfobProcess.onH2(data)) {
			job = startAndKill(node, batched, Map.of());
		}
		String wholeJob;
		try (KeyfobProcess node = KeyfobProcess.onH2(data)) {
			JsonNode crashed = job(node, job);
			assertThat(crashed.get("status").stringValue()).isEqualTo("failed");
			int stored = crashed.get("progress").get("storedRows").intValue();
			assertThat(devices(node)).as("tokens stored before the crash").isEqualTo(stored);
			JsonNode again = importFile(node, batched, Map.of());
			assertThat(again.get("status").stringValue()).isEqualTo("succeeded");
			assertThat(again.get("counts").get("unchanged").intValue()).isEqualTo(stored);
			assertThat(again.get("counts").get("created").intValue()).isEqualTo(ROWS - stored);
			assertThat(devices(node)).isEqualTo(ROWS);
			wholeJob = startAndKill(node, whole, Map.of("allOrNothing", "true"));
		}
		try (KeyfobProcess node = KeyfobProcess.onH2(data)) {
			JsonNode crashed = job(node, wholeJob);
			int stored = devices(node) - ROWS;
			if (crashed.get("status").stringValue().equals("succeeded")) {
				assertThat(stored).as("an all-or-nothing import that says it succeeded").isEqualTo(ROWS);
			}
			else {
				assertThat(crashed.get("status").stringValue()).isEqualTo("failed");
				assertThat(stored).as("an all-or-nothing import that says it failed").isZero();
				assertThat(crashed.get("progress").get("storedRows").intValue()).isZero();
			}
			JsonNode again = importFile(node, whole, Map.of("allOrNothing", "true"));
			assertThat(again.get("status").stringValue()).isEqualTo("succeeded");
			assertThat(again.get("counts").get("unchanged").intValue()).isEqualTo(stored);
			assertThat(devices(node)).isEqualTo(2 * ROWS);
			node.kill();
		}
	}

	// upload, wait until the job is storing, and kill the node
	private static String startAndKill(KeyfobProcess node, byte[] file, Map<String, String> fields) {
		GraphCalls.Response accepted = importer(node).upload(file, "tokens.csv", fields);
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
		String location = accepted.location();
		for (int i = 0; i < 3000; i++) {
			JsonNode job = importer(node).get(location).json();
			String status = job.get("status").stringValue();
			assertThat(status).as("the import ended before the node could be killed").isIn("queued", "running");
			JsonNode progress = job.get("progress");
			if (status.equals("running") && (progress.get("storedRows").intValue() > 0
					|| progress.get("validatedRows").intValue() == ROWS)) {
				node.kill();
				return location;
			}
			KeyfobProcess.sleep(20);
		}
		throw new AssertionError("The import never started");
	}

	// the support client waits a minute; 20,000 rows on a busy machine may take longer
	private static JsonNode importFile(KeyfobProcess node, byte[] file, Map<String, String> fields) {
		GraphCalls.Response accepted = importer(node).upload(file, "tokens.csv", fields);
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
		for (int i = 0; i < 1200; i++) {
			JsonNode job = job(node, accepted.location());
			if (!job.get("status").stringValue().equals("queued")
					&& !job.get("status").stringValue().equals("running")) {
				return job;
			}
			KeyfobProcess.sleep(500);
		}
		throw new AssertionError("The import did not finish in 10 minutes");
	}

	private static JsonNode job(KeyfobProcess node, String location) {
		return importer(node).get(location).json();
	}

	private static SeedImportClient importer(KeyfobProcess node) {
		return SeedImportClient.withToken(node.port(),
				node.graph().appToken(Set.of("Policy.ReadWrite.AuthenticationMethod")));
	}

	private static int devices(KeyfobProcess node) {
		GraphTestClient graph = node.graph();
		return graph.get(HardwareTokens.DEVICES + "/$count", graph.bootstrapToken()).expect(200).body().intValue();
	}

	/**
	 * A CSV file of 20,000 TOTP tokens with chosen secrets.
	 * @param prefix the serial numbers' first letter
	 * @param seed the seed of the secrets' random generator
	 * @return the file
	 */
	static byte[] file(String prefix, long seed) {
		StringBuilder csv = new StringBuilder(HEADER);
		List<byte[]> secrets = secrets(seed);
		for (int i = 0; i < secrets.size(); i++) {
			byte[] secret = secrets.get(i);
			csv.append(prefix)
				.append(String.format("%06d", i))
				.append(',')
				.append(Base32.encode(secret))
				.append(",30,Feitian,c200\n");
		}
		return csv.toString().getBytes(StandardCharsets.US_ASCII);
	}

	static List<byte[]> secrets(long seed) {
		Random random = new Random(seed);
		List<byte[]> secrets = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			byte[] secret = new byte[20];
			random.nextBytes(secret);
			secrets.add(secret);
		}
		return secrets;
	}

}
