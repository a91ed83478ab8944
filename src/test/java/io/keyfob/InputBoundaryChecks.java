package io.keyfob;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.authorization.DatabaseFingerprint;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.SeedImportClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text no database should store (U+0000, unpaired surrogates) is refused at the edge with
 * a 4xx that says what is wrong, nothing changes, and nothing lands in the log; a CSV row
 * carrying it is rejected alone. Also: authorizations read back (introspection, code
 * reuse). Run on H2 and on PostgreSQL, which is where such text fails.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class InputBoundaryChecks {

	private static final String NUL_JSON = "\\u0000";

	private static final String LONE_SURROGATE_JSON = "\\ud800";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	GraphTestClient graph;

	@BeforeEach
	void client() {
		this.graph = GraphTestClient.forPort(this.port);
	}

	@Test
	void unstorableTextWhenSentAnywhereThen4xxAndNothingChangedAndNoStackTrace(CapturedOutput output) throws Exception {
		String token = this.graph.bootstrapToken();
		DatabaseFingerprint fingerprint = new DatabaseFingerprint(this.jdbc);
		var before = fingerprint.take();
		for (String bad : List.of(NUL_JSON, LONE_SURROGATE_JSON)) {
			expectGraphError(json("POST", "/beta/users", token, """
					{"accountEnabled":true,"displayName":"a%sb","userPrincipalName":"nul%s@keyfob.test",
					"passwordProfile":{"password":"Nul-password-1234"}}""".formatted(bad, bad)));
			expectGraphError(json("POST", "/beta/groups", token, """
					{"displayName":"a%sb","mailEnabled":false,"securityEnabled":true}""".formatted(bad)));
			expectGraphError(json("POST", "/beta/directory/authenticationMethodDevices/hardwareOathDevices", token, """
					{"serialNumber":"NUL%s1","secretKey":"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
					"timeIntervalInSeconds":30,"hashFunction":"hmacsha1"}""".formatted(bad)));
			expectGraphError(json("PATCH", "/beta/directory/authenticationMethodDevices/hardwareOathDevices", token, """
					{"value":[{"serialNumber":"NUL%s2","secretKey":"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
					"timeIntervalInSeconds":30,"hashFunction":"hmacsha1"}]}""".formatted(bad)));
			expectGraphError(json("POST", "/api/v1/clients", token, """
					{"displayName":"a%sb","permissions":["User.Read.All"]}""".formatted(bad)));
			expectGraphError(json("POST", "/api/v1/verify", token, """
					{"userPrincipalName":"a%sb@keyfob.test","code":"123456"}""".formatted(bad)));
		}
		expectGraphError(this.graph.get("/beta/users?$filter=" + form("startswith(displayName,'a\u0000')"), token));
		HttpResponse<String> login = post("/login", "username=a%00b&password=x");
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/login?error=characters");
		HttpResponse<String> code = post("/oauth2/token",
				"grant_type=authorization_code&client_id=keyfob-cli&code=a%00b&redirect_uri=http://127.0.0.1/&code_verifier=x");
		assertThat(code.statusCode()).isEqualTo(400);
		assertThat(code.body()).contains("invalid_request").contains("U+0000");
		assertThat(fingerprint.take()).isEqualTo(before);
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("ERROR");
	}

	@Test
	void csvRowWhenUnstorableThenThatRowRejectedAndTheOthersImported() {
		String token = this.graph.bootstrapToken();
		String prefix = "NUL" + UUID.randomUUID().toString().substring(0, 8);
		JsonNode job = SeedImportClient.withToken(this.port, token)
			.importFile(
					("serial number,secret key,time interval,manufacturer,model\n" + prefix
							+ "1,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,Acme,A\u00001\n" + prefix
							+ "2,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,Acme,A1\n")
						.getBytes(StandardCharsets.UTF_8),
					"nul.csv", Map.of());
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
		assertThat(job.toString()).contains("U+0000");
		assertThat(this.jdbc.sql("select count(*) from hardware_oath_token where serial_number like :p")
			.param("p", prefix + "%")
			.query(Long.class)
			.single()).isOne();
		String upn = "nulimport" + prefix.toLowerCase() + "@keyfob.test";
		GraphTestClient.Response users = this.graph.send("POST", "/api/v1/users/import", token,
				"userPrincipalName,displayName\nnul\u0000" + upn + ",Nul\n" + upn + ",Fine\n", "text/csv");
		assertThat(users.status()).as(users.body().toString()).isEqualTo(200);
		assertThat(users.body().toString()).contains("U+0000").doesNotContainIgnoringCase("already");
		assertThat(this.graph.get("/beta/users?$filter=" + form("userPrincipalName eq '" + upn + "'"), token)
			.body()
			.get("value")).hasSize(1);
	}

	@Test
	void authorizationCodeWhenRedeemedTwiceThenInvalidGrantAndTokenRefused() {
		String upn = "replay" + UUID.randomUUID().toString().substring(0, 8) + "@keyfob.test";
		this.graph.createUser(upn, "Replay-password-1");
		GraphTestClient.CodeGrant grant = this.graph.authorizationCode(upn, "Replay-password-1",
				Set.of("openid", "User.Read"), null);
		String accessToken = this.graph.redeem(grant).expect(200).body().get("access_token").asString();
		assertThat(this.graph.redeem(grant).body().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(this.graph.get("/beta/me", accessToken).status()).isEqualTo(401);
	}

	private void expectGraphError(GraphTestClient.Response response) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
		assertThat(response.errorCode()).isEqualTo("Request_BadRequest");
		assertThat(response.body().path("error").path("message").asString()).containsPattern("U\\+(0000|D800)");
	}

	private GraphTestClient.Response json(String method, String path, String token, String body) {
		return this.graph.send(method, path, token, body, "application/json");
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString(form))
				.build(), BodyHandlers.ofString());
	}

	private static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
