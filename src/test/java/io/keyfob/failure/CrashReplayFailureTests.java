package io.keyfob.failure;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.keyfob.support.GraphTestClient;
import io.keyfob.support.OathTool;
import io.keyfob.support.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A code accepted by a node stays used when the node is killed with SIGKILL right after
 * answering and starts again: 20 codes accepted over the verify API, the process killed,
 * the 20 codes sent again to the restarted node are refused. The tokens are HOTP, so
 * however long the restart takes a code cannot go stale: the only thing that refuses it
 * is the counter the acceptance moved past it, which must have survived the kill (had it
 * not, the code would be accepted again). An HOTP code behind the counter is simply not
 * among the codes the token may show next, so the sign-in log calls it wrong, not used.
 */
class CrashReplayFailureTests {

	static final int CODES = 20;

	@BeforeEach
	void oathtool() {
		assumeThat(OathTool.available()).as(OathTool.NOT_INSTALLED).isTrue();
	}

	@Test
	void acceptedCodesWhenH2NodeKilledThenRefusedAfterRestart() {
		acceptKillAndReplay(KeyfobProcess.directory("crash-replay-h2"), (data) -> KeyfobProcess.onH2(data));
	}

	@Test
	void acceptedCodesWhenPostgresNodeKilledThenRefusedAfterRestart() {
		String database = TestPostgres.newDatabase();
		acceptKillAndReplay(KeyfobProcess.directory("crash-replay-postgres"),
				(data) -> KeyfobProcess.onPostgres(data, database));
	}

	private void acceptKillAndReplay(Path directory, Function<Path, KeyfobProcess> start) {
		Path data = directory.resolve("node");
		Map<String, String> accepted = new LinkedHashMap<>();
		try (KeyfobProcess node = start.apply(data)) {
			GraphTestClient graph = node.graph();
			Nodes.enableHardwareOath(graph);
			Map<String, byte[]> seeds = new LinkedHashMap<>();
			for (int i = 0; i < CODES; i++) {
				String upn = "crash" + i + "@keyfob.test";
				seeds.put(upn, Nodes.userWithHotpToken(graph, upn, "CRASH-" + i));
			}
			String verifier = Nodes.verifier(graph);
			seeds.forEach((upn, seed) -> {
				String code = OathTool.hotp(seed, 6, 1);
				assertThat(Nodes.verify(graph, verifier, upn, code)).isEqualTo("accepted");
				accepted.put(upn, code);
			});
			node.kill();
		}
		try (KeyfobProcess node = start.apply(data)) {
			GraphTestClient graph = node.graph();
			String verifier = Nodes.verifier(graph);
			int refused = 0;
			for (Map.Entry<String, String> code : accepted.entrySet()) {
				if (Nodes.verify(graph, verifier, code.getKey(), code.getValue()).equals("rejected")) {
					refused++;
				}
				assertThat(Nodes.failureReasons(graph, code.getKey())).as(code.getKey()).contains("The code is wrong");
			}
			assertThat(refused).isEqualTo(CODES);
			node.kill();
		}
	}

}
