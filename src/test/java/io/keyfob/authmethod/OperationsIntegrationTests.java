package io.keyfob.authmethod;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keyfob.authmethod.VerificationContext.Channel;
import io.keyfob.support.MutableClock;
import io.keyfob.token.TokenInventory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees: verifications, lockouts and audit entries on
 * {@code /actuator/prometheus}, and the audit log's health warning after a flood of wrong
 * codes while readiness stays up.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "keyfob.audit.health.max-failed-sign-ins=5",
				"management.endpoint.health.show-components=always" })
@Import(MethodTestConfiguration.class)
class OperationsIntegrationTests {

	static final VerificationContext API = new VerificationContext(Channel.VERIFY_API, "radius", "127.0.0.1");

	@LocalServerPort
	int port;

	@Autowired
	HardwareOathAssignments assignments;

	@Autowired
	HardwareOathActivations activations;

	@Autowired
	CodeVerification verification;

	@Autowired
	TokenInventory inventory;

	@Autowired
	TestUserRules users;

	@Autowired
	MutableClock clock;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() {
		this.clock.set(MethodTestConfiguration.START);
	}

	@Test
	void prometheusWhenCodesVerifiedThenVerificationLockoutAndAuditMetricsMove() throws Exception {
		UUID user = this.users.newUser();
		TestTokens token = TestTokens.totp(this.inventory);
		Actor helpdesk = Actor.administrator(this.users.newUser(), null, false);
		this.assignments.assign(helpdesk, user, token.id());
		this.activations.activate(helpdesk, user, token.id(), token.codeAt(this.clock.instant()), null);
		String before = get("/actuator/prometheus").body();
		double accepted = value(before, "keyfob_verifications_seconds_count", "outcome=\"accepted\"");
		double lockouts = value(before, "keyfob_lockouts_total", "channel=\"verify_api\"");
		double failedSignIns = value(before, "keyfob_audit_entries_total", "kind=\"signIn\"", "result=\"failure\"");

		this.clock.advance(Duration.ofSeconds(30));
		verify(user, token.codeAt(this.clock.instant()), API);
		for (int i = 1; i <= 10; i++) {
			this.clock.advance(Duration.ofSeconds(31));
			verify(user, token.wrongCodeAt(this.clock.instant(), i), API);
		}

		HttpResponse<String> after = get("/actuator/prometheus");
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(value(after.body(), "keyfob_verifications_seconds_count", "outcome=\"accepted\""))
			.isEqualTo(accepted + 1);
		assertThat(value(after.body(), "keyfob_lockouts_total", "channel=\"verify_api\"")).isEqualTo(lockouts + 1);
		assertThat(value(after.body(), "keyfob_audit_entries_total", "kind=\"signIn\"", "result=\"failure\""))
			.isEqualTo(failedSignIns + 10);
		assertThat(after.body()).contains("keyfob_verifications_seconds_bucket{")
			.contains("http_server_requests_seconds_count{");
	}

	@Test
	void healthWhenFailedSignInsExceedTheLimitThenWarnButReady() throws Exception {
		for (int i = 0; i < 6; i++) {
			this.verification.verify(UserReference.principalName("nobody@keyfob.test"), "000000", API);
		}
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"WARN\"").contains("\"auditLog\":{\"status\":\"WARN\"");
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
		HttpResponse<String> liveness = get("/actuator/health/liveness");
		assertThat(liveness.body()).contains("\"status\":\"UP\"");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The value of the one sample of a metric whose labels contain all the given ones, 0
	 * when there is none yet.
	 */
	private static double value(String exposition, String metric, String... labels) {
		Matcher samples = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$").matcher(exposition);
		double total = 0;
		while (samples.find()) {
			String found = samples.group(1);
			boolean all = true;
			for (String label : labels) {
				all &= found.contains(label);
			}
			if (all) {
				total += Double.parseDouble(samples.group(2));
			}
		}
		return total;
	}

	private CodeOutcome verify(UUID user, String code, VerificationContext context) {
		return this.verification.verify(UserReference.id(user), code, context);
	}

}
