package io.keyfob.failure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.keyfob.otp.Base32;
import io.keyfob.support.GraphCalls;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;
import io.keyfob.support.OathTool;
import io.keyfob.support.SeedImportClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Secrets never leave the sealed columns: a node is given seeds through the API and a
 * seed file, a user's password and a new client, answers what an administrator reads, and
 * is killed with SIGKILL; its data files, its log and every answer but the one that hands
 * out the new client's secret hold none of them in any form. The import crash test's
 * 40,000 seeds are searched for in its node's files and log too (the suite runs its
 * classes in alphabetical order, so that test runs first).
 */
class SecretsSweepFailureTests {

	static final int IMPORTED = 2_000;

	static final String PASSWORD = "Sweep-password-never-stored-1";

	@Test
	void secretsWhenNodeHandledThemAndWasKilledThenNowhereInFilesLogsOrAnswers() {
		assumeThat(OathTool.available()).as(OathTool.NOT_INSTALLED).isTrue();
		Path directory = KeyfobProcess.directory("secrets-sweep");
		SecretSweep sweep = new SecretSweep().text(KeyfobProcess.MASTER_KEY)
			.text(GraphTestClient.BOOTSTRAP_CLIENT_SECRET)
			.text(GraphTestClient.ADMIN_PASSWORD)
			.text(PASSWORD);
		List<String> answers = new ArrayList<>();
		try (KeyfobProcess node = KeyfobProcess.onH2(directory.resolve("node"))) {
			GraphTestClient graph = node.graph();
			String app = graph.bootstrapToken();
			Nodes.enableHardwareOath(graph);
			for (int i = 0; i < 10; i++) {
				sweep.seed(Nodes.userWithToken(graph, "sweep" + i + "@keyfob.test"));
			}
			graph.createUser("password@keyfob.test", PASSWORD);
			GraphTestClient.Client client = graph.registerClient("sweep client", Set.of("User.Read.All"));
			sweep.text(client.secret());
			StringBuilder csv = new StringBuilder("serial number,secret key,time interval,manufacturer,model\n");
			Random random = new Random(3);
			for (int i = 0; i < IMPORTED; i++) {
				byte[] seed = new byte[20];
				random.nextBytes(seed);
				sweep.seed(seed);
				csv.append("SW").append(i).append(',').append(Base32.encode(seed)).append(",30,Feitian,c200\n");
			}
			SeedImportClient importer = SeedImportClient.withToken(node.port(), app);
			GraphCalls.Response accepted = importer.upload(csv.toString(), "sweep.csv", Map.of());
			answers.add(accepted.text());
			answers.add(importer.await(accepted).toString());
			for (String read : List.of(HardwareTokens.DEVICES + "?$top=999", "/beta/users?$top=999", "/api/v1/clients",
					"/beta/auditLogs/signIns?$top=999", "/beta/auditLogs/directoryAudits?$top=999")) {
				answers.add(graph.get(read, app).expect(200).body().toString());
			}
			node.kill();
			sweep.search(directory.resolve("node"));
			sweep.search(node.log());
		}
		for (int i = 0; i < answers.size(); i++) {
			sweep.search("answer " + i, answers.get(i));
		}
		assertThat(answers).hasSize(7);
		assertThat(sweep.matches()).isEmpty();
	}

	@Test
	void importedSeedsWhenImportCrashTestRanThenNowhereInItsFilesOrLog() {
		Path importCrash = Path.of("target", "failure", "import-crash").toAbsolutePath();
		assumeThat(Files.isDirectory(importCrash)).as("the import crash test ran before").isTrue();
		SecretSweep sweep = new SecretSweep().text(KeyfobProcess.MASTER_KEY);
		for (long file : new long[] { 1, 2 }) {
			ImportCrashFailureTests.secrets(file).forEach(sweep::seed);
		}
		sweep.search(importCrash);
		assertThat(sweep.matches()).isEmpty();
	}

}
