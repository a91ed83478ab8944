package io.keyfob.signin;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.keyfob.KeyfobApplication;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;
import io.keyfob.support.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database: the same one-time Temporary Access Pass sent to
 * both at once signs in exactly once.
 */
class PassSignInPostgresIntegrationTests {

	@Test
	void signInWhenOneTimePassSentToTwoNodesAtOnceThenExactlyOneSignsIn() {
		String url = TestPostgres.newDatabase();
		try (ConfigurableApplicationContext first = node(url); ConfigurableApplicationContext second = node(url)) {
			GraphTestClient graph = GraphTestClient.forPort(port(first));
			String token = graph.bootstrapToken();
			graph.patch(PassSignInIntegrationTests.POLICY, token, Map.of("state", "enabled")).expect(204);
			String upn = "two-nodes." + HardwareTokens.suffix().toLowerCase() + "@example.org";
			UUID user = graph.createUser(upn, "Correct-horse-battery-1");
			String pass = PassSignInIntegrationTests.pass(graph, token, user, true);
			List<ConfigurableApplicationContext> nodes = List.of(first, second, first, second, first, second);

			List<Integer> statuses = nodes.stream()
				.map((node) -> CompletableFuture
					.supplyAsync(() -> new PassBrowser(port(node)).signIn(upn, pass).statusCode()))
				.toList()
				.stream()
				.map(CompletableFuture::join)
				.toList();

			assertThat(statuses).containsOnly(302, 200);
			assertThat(statuses).filteredOn((s) -> s == 302).hasSize(1);
		}
	}

	private static int port(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
	}

	private static ConfigurableApplicationContext node(String url) {
		return new SpringApplicationBuilder(KeyfobApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--logging.level.root=WARN");
	}

}
