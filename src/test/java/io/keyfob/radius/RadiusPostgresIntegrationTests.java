package io.keyfob.radius;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.keyfob.KeyfobApplication;
import io.keyfob.otp.HashFunction;
import io.keyfob.otp.OtpParameters;
import io.keyfob.otp.Totp;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;
import io.keyfob.support.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Two nodes on one PostgreSQL database, both in a NAS's server list: the same right code
 * sent to both at once is accepted exactly once, and a challenge started on one node is
 * finished on the other.
 */
class RadiusPostgresIntegrationTests {

	private static final String PASSWORD = "Correct-horse-battery-1";

	@Test
	void codeWhenSentToTwoNodesAtOnceThenAcceptedExactlyOnce() throws Exception {
		assumeThat(Radclient.available()).as(Radclient.NOT_INSTALLED).isTrue();
		String url = TestPostgres.newDatabase();
		try (ConfigurableApplicationContext first = node(url); ConfigurableApplicationContext second = node(url)) {
			GraphTestClient graph = GraphTestClient.forPort(httpPort(first));
			String token = graph.bootstrapToken();
			HardwareTokens.enableForAllUsers(graph, token);
			var codeOnly = graph
				.post("/api/v1/radius-clients", token,
						Map.of("displayName", "Edge", "address", "127.0.0.1", "mode", "codeOnly"))
				.expect(201)
				.body();
			String secret = codeOnly.get("sharedSecret").asString();
			String upn = "two-nodes." + HardwareTokens.suffix() + "@example.org";
			byte[] seed = HardwareTokens.activatedToken(graph, token, graph.createUser(upn, PASSWORD));
			String code = Totp.generate(seed, Instant.now().getEpochSecond(), 30,
					new OtpParameters(HashFunction.HMAC_SHA1, 6));
			List<CompletableFuture<Radclient.Reply>> replies = List.of(first, second, first, second)
				.stream()
				.map((node) -> CompletableFuture.supplyAsync(() -> Radclient.auth(radiusPort(node), secret,
						"User-Name = \"" + upn + "\"", "User-Password = \"" + code + "\"")))
				.toList();
			List<String> codes = replies.stream().map(CompletableFuture::join).map(Radclient.Reply::code).toList();
			assertThat(codes).containsOnly("Access-Accept", "Access-Reject");
			assertThat(codes).filteredOn("Access-Accept"::equals).hasSize(1);
			graph.patch("/api/v1/radius-clients/" + codeOnly.get("id").asString(), token, Map.of("mode", "challenge"))
				.expect(200);
			Thread.sleep(KnownClients.TTL_MILLIS + 100);
			Radclient.Reply challenge = Radclient.auth(radiusPort(first), secret, "User-Name = \"" + upn + "\"",
					"User-Password = \"" + PASSWORD + "\"");
			assertThat(challenge.code()).isEqualTo("Access-Challenge");
			String next = Totp.generate(seed, Instant.now().getEpochSecond() + 30, 30,
					new OtpParameters(HashFunction.HMAC_SHA1, 6));
			assertThat(Radclient
				.auth(radiusPort(second), secret, "User-Name = \"" + upn + "\"", "User-Password = \"" + next + "\"",
						"State = " + challenge.state().orElseThrow())
				.code()).as("the other node takes the State").isEqualTo("Access-Accept");
		}
	}

	private static int httpPort(ConfigurableApplicationContext node) {
		return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
	}

	private static int radiusPort(ConfigurableApplicationContext node) {
		return node.getBean(RadiusServer.class).localPort();
	}

	private static ConfigurableApplicationContext node(String url) {
		return new SpringApplicationBuilder(KeyfobApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--logging.level.root=WARN", "--keyfob.radius.enabled=true",
				"--keyfob.radius.port=0", "--keyfob.radius.address=127.0.0.1");
	}

}
