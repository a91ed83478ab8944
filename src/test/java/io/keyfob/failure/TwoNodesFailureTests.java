package io.keyfob.failure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;
import io.keyfob.support.OathTool;
import io.keyfob.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Two nodes on one PostgreSQL database, as a deployment behind a load balancer runs: one
 * code sent 50 times at once, half to each node, is accepted exactly once (TOTP and
 * HOTP), and wrong codes count towards one lock whichever node they reach.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesFailureTests {

	static final int ATTEMPTS = 50;

	KeyfobProcess first;

	KeyfobProcess second;

	@BeforeAll
	void startTwoNodes() {
		Path directory = KeyfobProcess.directory("two-nodes");
		String database = TestPostgres.newDatabase();
		this.first = KeyfobProcess.onPostgres(directory.resolve("node-a"), database);
		// the second starts while the first is given its settings
		CompletableFuture<KeyfobProcess> second = CompletableFuture
			.supplyAsync(() -> KeyfobProcess.onPostgres(directory.resolve("node-b"), database));
		Nodes.enableHardwareOath(this.first.graph());
		this.second = second.join();
	}

	@AfterAll
	void stopNodes() {
		for (KeyfobProcess node : new KeyfobProcess[] { this.first, this.second }) {
			if (node != null) {
				node.close();
			}
		}
	}

	@BeforeEach
	void oathtool() {
		assumeThat(OathTool.available()).as(OathTool.NOT_INSTALLED).isTrue();
	}

	@Test
	void totpCodeWhenSentFiftyTimesAtOnceToTwoNodesThenAcceptedOnce() throws Exception {
		String upn = "race-totp@keyfob.test";
		byte[] seed = Nodes.userWithToken(this.first.graph(), upn);

		assertThat(race(upn, HardwareTokens.code(seed, 30))).containsEntry("accepted", 1)
			.containsEntry("rejected", ATTEMPTS - 1);
	}

	@Test
	void hotpCodeWhenSentFiftyTimesAtOnceToTwoNodesThenAcceptedOnce() throws Exception {
		String upn = "race-hotp@keyfob.test";
		byte[] seed = Nodes.userWithHotpToken(this.first.graph(), upn, "HOTP-RACE");

		assertThat(race(upn, OathTool.hotp(seed, 6, 1))).containsEntry("accepted", 1)
			.containsEntry("rejected", ATTEMPTS - 1);
	}

	@Test
	void wrongCodesWhenSpreadOverTwoNodesThenOneLockCountsThemAll() {
		String upn = "lock@keyfob.test";
		byte[] seed = Nodes.userWithToken(this.first.graph(), upn);
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			KeyfobProcess node = (i % 2 == 0) ? this.first : this.second;
			answers
				.add(Nodes.verify(node.graph(), Nodes.verifier(node.graph()), upn, String.format("%06d", 500000 + i)));
		}
		// three failures reached the first node, two the second: the right code is held
		// back on both
		answers.add(Nodes.verify(this.second.graph(), Nodes.verifier(this.second.graph()), upn,
				HardwareTokens.code(seed, 30)));
		answers.add(Nodes.verify(this.first.graph(), Nodes.verifier(this.first.graph()), upn,
				HardwareTokens.code(seed, 30)));

		assertThat(answers).containsExactly("rejected", "rejected", "rejected", "rejected", "rejected", "locked",
				"locked");
	}

	private Map<String, Integer> race(String upn, String code) throws Exception {
		String[] verifiers = { Nodes.verifier(this.first.graph()), Nodes.verifier(this.second.graph()) };
		GraphTestClient[] graphs = { this.first.graph(), this.second.graph() };
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> answers = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(ATTEMPTS);
		try {
			for (int i = 0; i < ATTEMPTS; i++) {
				int node = i % 2;
				answers.add(threads.submit(() -> {
					start.await();
					return Nodes.verify(graphs[node], verifiers[node], upn, code);
				}));
			}
			start.countDown();
			Map<String, Integer> counts = new LinkedHashMap<>();
			for (Future<String> answer : answers) {
				counts.merge(answer.get(), 1, Integer::sum);
			}
			return counts;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
