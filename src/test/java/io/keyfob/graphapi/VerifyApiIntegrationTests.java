package io.keyfob.graphapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokenHttpTestSupport;
import io.keyfob.support.HardwareTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.keyfob.support.HardwareTokens.code;
import static io.keyfob.support.HardwareTokens.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verify API for integrations over real HTTP: accepted, rejected and locked answers,
 * and that an unknown user, a user without a token, a used, wrong or malformed code all
 * look the same.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class VerifyApiIntegrationTests extends HardwareTokenHttpTestSupport {

	@Test
	void verifyApiWhenCodeRightThenAcceptedAndAnswersCannotTellUsersApart() {
		String upn = upn("fay");
		byte[] seed = userWithActivatedToken(upn);
		String noMethod = upn("gil");
		this.graph.createUser(noMethod, PASSWORD);
		String verifier = this.graph.appToken(Set.of("HardwareOath.Verify"));
		GraphTestClient.Response accepted = verify(verifier, upn, code(seed, 30)).expect(200);
		assertThat(accepted.body().toString()).isEqualTo("{\"result\":\"accepted\"}");
		GraphTestClient.Response replayed = verify(verifier, upn, code(seed, 30)).expect(200);
		GraphTestClient.Response wrong = verify(verifier, upn, wrongCode(seed)).expect(200);
		GraphTestClient.Response unknown = verify(verifier, upn("nobody"), "123456").expect(200);
		GraphTestClient.Response without = verify(verifier, noMethod, "123456").expect(200);
		GraphTestClient.Response malformed = verify(verifier, upn("nobody"), "12x").expect(200);
		for (GraphTestClient.Response answer : List.of(replayed, wrong, unknown, without, malformed)) {
			assertThat(answer.body().toString()).isEqualTo("{\"result\":\"rejected\"}");
			assertThat(answer.headers()).doesNotContainKey("retry-after");
		}
	}

	@Test
	void verifyApiWhenLockedThenLockedWithRetryAfter() {
		String upn = upn("hu");
		byte[] seed = userWithActivatedToken(upn);
		String verifier = this.graph.appToken(Set.of("HardwareOath.Verify"));
		for (int i = 0; i < 5; i++) {
			verify(verifier, upn, String.format("%06d", 300000 + i)).expect(200);
		}
		GraphTestClient.Response locked = verify(verifier, upn, code(seed, 0)).expect(200);
		assertThat(locked.body().get("result").asString()).isEqualTo("locked");
		int seconds = locked.body().get("retryAfterSeconds").asInt();
		assertThat(seconds).isBetween(1, 31);
		assertThat(locked.headers().get("retry-after")).containsExactly(Integer.toString(seconds));
	}

	@Test
	void verifyApiWhenWrongCodesRepeatThenUnknownAndTokenlessUsersAreThrottledAndLockedAlike() {
		String holder = upn("jo");
		userWithActivatedToken(holder);
		String tokenless = upn("kai");
		this.graph.createUser(tokenless, PASSWORD);
		String verifier = this.graph.appToken(Set.of("HardwareOath.Verify"));
		List<String> answers = new java.util.ArrayList<>();
		for (String upn : List.of(holder, tokenless, upn("nobody-else"))) {
			StringBuilder seen = new StringBuilder();
			for (int i = 0; i < 6; i++) {
				GraphTestClient.Response answer = verify(verifier, upn, String.format("%06d", 400000 + i)).expect(200);
				seen.append(answer.body().get("result").asString()).append(' ');
			}
			answers.add(seen.toString().strip());
		}
		assertThat(answers).containsOnly("rejected rejected rejected rejected rejected locked");
	}

	@Test
	void verifyApiWhenTokenOutsideItsValidityThenRejectedAlikeAndSignInLogSaysExpired() {
		String upn = upn("lea");
		UUID user = this.graph.createUser(upn, PASSWORD);
		byte[] seed = HardwareTokens.activatedToken(this.graph, this.app, user);
		String device = this.graph.get("/beta/users/" + user + "/authentication/hardwareOathMethods", this.app)
			.expect(200)
			.body()
			.get("value")
			.get(0)
			.get("id")
			.asString();
		String verifier = this.graph.appToken(Set.of("HardwareOath.Verify"));
		this.graph.patch(HardwareTokens.DEVICES + "/" + device, this.app, Map.of("validUntil", "2020-01-01T00:00:00Z"))
			.expect(204);

		// the right code: refused while the token is expired, accepted once it is valid
		// again
		GraphTestClient.Response expired = verify(verifier, upn, code(seed, 30)).expect(200);

		assertThat(expired.body().toString()).isEqualTo("{\"result\":\"rejected\"}");
		String audit = this.graph
			.get("/beta/auditLogs/signIns?$filter=" + URLEncoder
				.encode("userPrincipalName eq '" + upn + "' and status/errorCode ne 0", StandardCharsets.UTF_8),
					this.graph.appToken(Set.of("AuditLog.Read.All")))
			.expect(200)
			.body()
			.toString();
		assertThat(audit).contains("expired");
		this.graph.patch(HardwareTokens.DEVICES + "/" + device, this.app, Map.of("validUntil", "2999-01-01T00:00:00Z"))
			.expect(204);
		assertThat(verify(verifier, upn, code(seed, 30)).expect(200).body().get("result").asString())
			.isEqualTo("accepted");
	}

	@Test
	void verifyApiWhenPermissionMissingOrTokenDelegatedThenForbidden() {
		String upn = upn("io");
		userWithActivatedToken(upn);
		verify(this.graph.appToken(Set.of("User.Read.All")), upn, "123456").expect(403);
		verify(null, upn, "123456").expect(401);
		verify(this.app, upn, null).expect(400);
	}

	private GraphTestClient.Response verify(String token, String upn, String code) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("userPrincipalName", upn);
		if (code != null) {
			body.put("code", code);
		}
		return this.graph.post("/api/v1/verify", token, body);
	}

	private byte[] userWithActivatedToken(String upn) {
		return HardwareTokens.activatedToken(this.graph, this.app, this.graph.createUser(upn, PASSWORD));
	}

	private static String upn(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
