package io.keyfob.authorization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.keyfob.directory.DirectoryRole;
import io.keyfob.directory.GraphPermission;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.GraphTestClient.Response;
import io.keyfob.support.Polling;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of {@link ApiEndpoints} against every kind of caller: no token, an
 * expired token, a token signed by a foreign key, an application holding each application
 * permission on its own (and none), and a user holding each directory role (and none)
 * through keyfob-cli with every scope. Each request gets the status the row says; a
 * refusal is a 401 {@code InvalidAuthenticationToken} or a 403
 * {@code Authorization_RequestDenied} in the Graph error envelope and leaves every
 * application table as it was.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixIntegrationTests {

	private static final String PASSWORD = "Matrix-password-1";

	@LocalServerPort
	int port;

	@Autowired
	JwtEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	GraphTestClient graph;

	@BeforeEach
	void client() {
		this.graph = GraphTestClient.forPort(this.port);
	}

	@TestFactory
	Stream<DynamicTest> everyEndpointWhenCalledByEveryCallerThenAnswersAsTheMatrixSays() {
		Map<Caller, String> tokens = tokens();
		Fixtures fixtures = new Fixtures(this.graph);
		DatabaseFingerprint fingerprint = new DatabaseFingerprint(this.jdbc);
		List<DynamicTest> tests = new ArrayList<>();
		for (ApiEndpoint endpoint : ApiEndpoints.all()) {
			Refusals refusals = new Refusals(endpoint, fixtures, fingerprint);
			tokens.forEach((caller, token) -> {
				if (endpoint.expectedFor(caller) >= 400) {
					refusals.callers.add(caller);
					tests.add(DynamicTest.dynamicTest(endpoint + " as " + caller,
							() -> send(endpoint, caller, token, refusals.values())));
				}
			});
			if (!refusals.callers.isEmpty()) {
				tests.add(DynamicTest.dynamicTest(
						endpoint + " refused to " + refusals.callers.size() + " callers and changed nothing",
						refusals::assertDatabaseUnchanged));
			}
			tokens.forEach((caller, token) -> {
				if (endpoint.expectedFor(caller) < 400) {
					tests.add(DynamicTest.dynamicTest(endpoint + " as " + caller,
							() -> send(endpoint, caller, token, endpoint.setup().apply(fixtures))));
				}
			});
		}
		return tests.stream();
	}

	private void send(ApiEndpoint endpoint, Caller caller, String token, Map<String, String> values) {
		int expected = endpoint.expectedFor(caller);
		Response response = this.graph.send(endpoint.method(), fill(endpoint.path(), values),
				token.isEmpty() ? null : token, (endpoint.body() != null) ? fill(endpoint.body(), values) : null,
				endpoint.contentType());
		assertThat(response.status()).as("%s as %s: %s", endpoint, caller, response.body()).isEqualTo(expected);
		if (expected == 401) {
			assertThat(response.errorCode()).isEqualTo("InvalidAuthenticationToken");
		}
		if (expected == 403) {
			assertThat(response.errorCode()).isEqualTo("Authorization_RequestDenied");
			assertThat(response.body().path("error").path("message").asString())
				.containsAnyOf(endpoint.permissions().toArray(String[]::new));
		}
		if (expected >= 400) {
			assertThat(response.body().path("error").path("innerError").path("request-id").isString()).isTrue();
		}
	}

	/**
	 * The refused callers of one endpoint. They all act on one set of objects, made
	 * before the first of them, and one comparison of the database before the first and
	 * after the last shows that none of them changed anything: one setup and two
	 * fingerprints per endpoint, where a setup and a fingerprint per caller made the
	 * matrix several times slower. A failed comparison names the endpoint and its refused
	 * callers; run them one by one to find the culprit.
	 */
	private final class Refusals {

		private final ApiEndpoint endpoint;

		private final Fixtures fixtures;

		private final DatabaseFingerprint fingerprint;

		private final List<Caller> callers = new ArrayList<>();

		private @Nullable Map<String, String> values;

		private Map<String, List<String>> before = Map.of();

		Refusals(ApiEndpoint endpoint, Fixtures fixtures, DatabaseFingerprint fingerprint) {
			this.endpoint = endpoint;
			this.fixtures = fixtures;
			this.fingerprint = fingerprint;
		}

		Map<String, String> values() {
			if (this.values == null) {
				this.values = this.endpoint.setup().apply(this.fixtures);
				awaitSeedImports();
				this.before = this.fingerprint.take();
				assertThat(this.before).containsKeys("directory_user", "directory_role_assignment",
						"oauth2_registered_client");
			}
			return this.values;
		}

		void assertDatabaseUnchanged() {
			assertThat(this.values).as("objects for the refused callers of %s", this.endpoint).isNotNull();
			assertThat(this.fingerprint.take()).as("database after refused %s as %s", this.endpoint, this.callers)
				.isEqualTo(this.before);
		}

	}

	// Seed import jobs of earlier requests go on in the background and change the token
	// tables, so they must be done before the database is compared. (The audit log,
	// chained
	// in the background too, is not compared.)
	private void awaitSeedImports() {
		Polling.until("seed imports finished",
				() -> count("select count(*) from seed_import_job where status in ('QUEUED', 'RUNNING')") == 0);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private Map<Caller, String> tokens() {
		Map<Caller, String> tokens = new LinkedHashMap<>();
		tokens.put(new Caller.Unauthenticated("no token"), "");
		tokens.put(new Caller.Unauthenticated("an expired token"), GraphTestClient.expiredToken(this.encoder));
		tokens.put(new Caller.Unauthenticated("a token signed by a foreign key"), GraphTestClient.foreignToken());
		tokens.put(new Caller.App(Set.of()), this.graph.appToken(Set.of()));
		for (GraphPermission permission : GraphPermission.applicationPermissions()) {
			Set<String> one = Set.of(permission.scope());
			tokens.put(new Caller.App(one), this.graph.appToken(one));
		}
		tokens.put(new Caller.Delegated(null), delegated(null));
		for (DirectoryRole role : DirectoryRole.values()) {
			tokens.put(new Caller.Delegated(role), delegated(role));
		}
		return tokens;
	}

	private String delegated(DirectoryRole role) {
		String upn = ((role != null) ? role.name().toLowerCase(java.util.Locale.ROOT) : "norole") + "-"
				+ java.util.UUID.randomUUID().toString().substring(0, 8) + "@matrix.test";
		var id = this.graph.createUser(upn, PASSWORD);
		if (role != null) {
			this.graph.assignRole(id, role);
		}
		Set<String> scopes = new java.util.HashSet<>(GraphTestClient.ALL_DELEGATED_SCOPES);
		scopes.add("openid");
		return this.graph.delegatedToken(upn, PASSWORD, scopes);
	}

	static String fill(String template, Map<String, String> values) {
		String filled = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			filled = filled.replace("{" + value.getKey() + "}", value.getValue());
		}
		return filled;
	}

}
