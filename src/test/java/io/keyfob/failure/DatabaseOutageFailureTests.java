package io.keyfob.failure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;
import io.keyfob.support.OathTool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * PostgreSQL stopped and started again under load: while it is away, Graph calls get a
 * prompt 503 {@code serviceNotAvailable} with {@code Retry-After} (never a 500) and
 * readiness says down; once it is back, readiness says up and calls succeed without
 * restarting the node; a code accepted before the outage is never accepted again, and the
 * audit chain still verifies.
 */
class DatabaseOutageFailureTests {

	@Test
	void postgresWhenStoppedAndStartedUnderLoadThenServiceUnavailableAndBackWithoutRestart() throws Exception {
		assumeThat(OathTool.available()).as(OathTool.NOT_INSTALLED).isTrue();
		Path directory = KeyfobProcess.directory("database-outage");
		Path pgData = directory.resolve("pgdata");
		int pgPort = KeyfobProcess.freePort();
		EmbeddedPostgres postgres = postgres(pgData, pgPort);
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database keyfob");
		}
		String database = postgres.getJdbcUrl("postgres", "keyfob");
		List<GraphTestClient.Response> answers = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicInteger accepted = new AtomicInteger();
		List<Integer> readinessDuring = new ArrayList<>();
		List<Integer> readinessAfter = new ArrayList<>();
		try (KeyfobProcess node = KeyfobProcess.onPostgres(directory.resolve("node"), database)) {
			GraphTestClient graph = node.graph();
			Nodes.enableHardwareOath(graph);
			String upn = "outage@keyfob.test";
			byte[] seed = Nodes.userWithToken(graph, upn);
			String code = HardwareTokens.code(seed, 30);
			String verifier = Nodes.verifier(graph);
			String reader = graph.appToken(Set.of("User.Read.All"));
			AtomicBoolean running = new AtomicBoolean(true);
			CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
				while (running.get()) {
					answers.add(graph.get("/beta/users?$top=5", reader));
					GraphTestClient.Response verified = graph.post("/api/v1/verify", verifier,
							java.util.Map.of("userPrincipalName", upn, "code", code));
					answers.add(verified);
					if (verified.status() == 200 && verified.body().get("result").asString().equals("accepted")) {
						accepted.incrementAndGet();
					}
					KeyfobProcess.sleep(50);
				}
			});
			awaitAnswers(answers, 10);
			postgres.close();
			int before = answers.size();
			awaitAnswers(answers, before + 20);
			readinessDuring.add(node.readiness());
			postgres = postgres(pgData, pgPort);
			for (int i = 0; i < 240 && node.readiness() != 200; i++) {
				KeyfobProcess.sleep(250);
			}
			readinessAfter.add(node.readiness());
			int back = answers.size();
			awaitAnswers(answers, back + 20);
			running.set(false);
			load.join();
			assertThat(graph.get("/beta/users?$top=5", reader).status()).isEqualTo(200);
			assertThat(Nodes.verify(graph, verifier, upn, code)).isEqualTo("rejected");
			node.close();
			Path output = directory.resolve("audit-verify.txt");
			assertThat(KeyfobProcess.command(database, output, "audit", "verify")).as(read(output)).isZero();
		}
		finally {
			postgres.close();
		}

		assertThat(readinessDuring).containsExactly(503);
		assertThat(readinessAfter).containsExactly(200);
		assertThat(accepted).hasValue(1);
		assertThat(answers).extracting(GraphTestClient.Response::status).containsOnly(200, 503).contains(503);
		for (GraphTestClient.Response answer : answers) {
			if (answer.status() == 503) {
				assertThat(answer.errorCode()).isEqualTo("serviceNotAvailable");
				assertThat(answer.headers()).containsKey("retry-after");
			}
		}
	}

	private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.start();
	}

	private static void awaitAnswers(List<GraphTestClient.Response> answers, int count) {
		for (int i = 0; i < 1200 && answers.size() < count; i++) {
			KeyfobProcess.sleep(100);
		}
		assertThat(answers).hasSizeGreaterThanOrEqualTo(count);
	}

	private static String read(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
	}

}
