package io.keyfob.signin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKMatcher;
import io.keyfob.shared.secret.SecretSealer;
import io.keyfob.signin.jdbc.JdbcSigningKeys;
import io.keyfob.support.GraphTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in pages, sessions, the token endpoint and the bootstrap, over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SignInIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Bootstrap bootstrap;

	@Autowired
	JdbcSigningKeys signingKeys;

	@Autowired
	SigningKeys keys;

	@Autowired
	SecretSealer sealer;

	@Autowired
	Clock clock;

	GraphTestClient graph;

	HttpClient browser;

	@BeforeEach
	void clients() {
		this.graph = GraphTestClient.forPort(this.port);
		this.browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Test
	void loginPageWhenOpenedThenLabelledFieldsAndCsrfToken() {
		String page = get("/login").body();
		assertThat(page).contains("<label for=\"username\">", "<label for=\"password\">", "name=\"username\"",
				"name=\"password\"", "name=\"_csrf\"");
	}

	@Test
	void loginWhenPasswordRightThenHomeNamesUserAndSessionIsInDatabase() {
		String upn = unique("home");
		UUID id = this.graph.createUser(upn, "Home-password-1");
		HttpResponse<String> login = login(upn, "Home-password-1");
		assertThat(location(login)).isEqualTo("/");
		assertThat(location(get("/"))).isEqualTo("/my-security-info");
		assertThat(get("/my-security-info").body()).contains(upn);
		assertThat(this.jdbc.sql("select count(*) from spring_session where principal_name = :id")
			.param("id", id.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		HttpResponse<String> logout = post("/logout", Map.of("_csrf", csrf(get("/my-security-info").body())));
		assertThat(location(logout)).isEqualTo("/login?logout");
		assertThat(location(get("/my-security-info"))).endsWith("/login");
	}

	@Test
	void loginWhenWrongPasswordOrUnknownNameThenSameAnswer() {
		String upn = unique("wrong");
		this.graph.createUser(upn, "Wrong-password-1");
		HttpResponse<String> wrong = login(upn, "not-the-password");
		this.browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> unknown = login(unique("nobody"), "not-the-password");
		assertThat(location(wrong)).isEqualTo("/login?error");
		assertThat(location(unknown)).isEqualTo("/login?error");
	}

	@Test
	void loginWhenRepeatedFailuresThenThrottledForKnownAndUnknownNamesAlike() {
		String known = unique("known");
		this.graph.createUser(known, "Known-password-1");
		for (String name : List.of(known, unique("unknown"))) {
			for (int i = 0; i < 5; i++) {
				assertThat(location(login(name, "guess-" + i))).isEqualTo("/login?error");
			}
			assertThat(location(login(name, "Known-password-1"))).isEqualTo("/login?error=throttled");
		}
		assertThat(get("/login?error=throttled").body()).contains("Too many failed sign-ins");
	}

	@Test
	void authorizeWhenRedirectUriIsNoLoopbackOrOtherPathThenNoCode() throws IOException {
		String upn = unique("redirect");
		this.graph.createUser(upn, "Redirect-password-1");
		login(upn, "Redirect-password-1");
		for (String redirect : List.of("http://localhost:8123/callback", "http://127.0.0.1:8123/elsewhere",
				"https://example.org/callback")) {
			HttpResponse<String> response = get("/oauth2/authorize?response_type=code&client_id=keyfob-cli&scope="
					+ "User.Read&code_challenge_method=S256&code_challenge=" + "a".repeat(43) + "&redirect_uri="
					+ URLEncoder.encode(redirect, StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(redirect).isEqualTo(400);
		}
		HttpResponse<String> loopback = get("/oauth2/authorize?response_type=code&client_id=keyfob-cli&scope="
				+ "User.Read&code_challenge_method=S256&code_challenge=" + "a".repeat(43) + "&redirect_uri="
				+ URLEncoder.encode("http://127.0.0.1:61234/callback", StandardCharsets.UTF_8));
		assertThat(loopback.headers().firstValue("Location").orElse(""))
			.startsWith("http://127.0.0.1:61234/callback?code=");
	}

	@Test
	void authorizeWhenNoPkceThenNoCode() {
		String upn = unique("pkce");
		this.graph.createUser(upn, "Pkce-password-1");
		login(upn, "Pkce-password-1");
		HttpResponse<String> response = get(
				"/oauth2/authorize?response_type=code&client_id=keyfob-cli&scope=" + "User.Read&redirect_uri="
						+ URLEncoder.encode("http://127.0.0.1:61234/callback", StandardCharsets.UTF_8));
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("code=")
			.contains("error=invalid_request");
	}

	@Test
	void clientCredentialsWhenSecretPostedOrDefaultScopeThenEveryGrantedPermission() throws Exception {
		GraphTestClient.Client client = this.graph.registerClient("Poster", Set.of("Policy.Read.All", "User.Read.All"));
		JsonNode token = tokenRequest(Map.of("grant_type", "client_credentials", "client_id", client.clientId(),
				"client_secret", client.secret(), "scope", "https://graph.microsoft.com/.default"));
		JsonNode claims = claims(token.get("access_token").asString());
		assertThat(claims.get("idtyp").asString()).isEqualTo("app");
		assertThat(claims.get("scope").toString()).contains("Policy.Read.All", "User.Read.All");
		assertThat(claims.get("sub").asString()).isEqualTo(client.clientId());
		HttpResponse<String> wrong = this.browser.send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials", "client_id",
					client.clientId(), "client_secret", "wrong"))))
			.build(), BodyHandlers.ofString());
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.body()).contains("invalid_client").doesNotContain(client.secret());
	}

	@Test
	void appTokenWhenPermissionsReplacedOrClientDeletedThenEffectiveAtOnce() {
		GraphTestClient.Client client = this.graph.registerClient("Changing", Set.of("User.Read.All"));
		String token = this.graph.clientCredentials(client.clientId(), client.secret());
		this.graph.get("/beta/users", token).expect(200);
		this.graph
			.patch("/api/v1/clients/" + client.clientId(), this.graph.bootstrapToken(),
					Map.of("permissions", List.of("Group.Read.All")))
			.expect(200);
		assertThat(this.graph.get("/beta/users", token).status()).isEqualTo(403);
		this.graph.delete("/api/v1/clients/" + client.clientId(), this.graph.bootstrapToken()).expect(204);
		assertThat(this.graph.get("/beta/groups", token).status()).isEqualTo(401);
	}

	@Test
	void builtInClientWhenChangedThroughApiThenRefused() {
		assertThat(this.graph
			.patch("/api/v1/clients/keyfob-cli", this.graph.bootstrapToken(), Map.of("permissions", List.of()))
			.status()).isEqualTo(400);
		assertThat(this.graph.delete("/api/v1/clients/keyfob-cli", this.graph.bootstrapToken()).status())
			.isEqualTo(400);
	}

	@Test
	void delegatedTokenWhenIssuedThenCarriesUserAndScopesAndIdTokenNamesUser() {
		String upn = unique("claims");
		UUID id = this.graph.createUser(upn, "Claims-password-1");
		JsonNode response = this.graph.signIn(upn, "Claims-password-1", Set.of("openid", "User.Read"));
		JsonNode access = claims(response.get("access_token").asString());
		assertThat(access.get("sub").asString()).isEqualTo(id.toString());
		assertThat(access.get("oid").asString()).isEqualTo(id.toString());
		assertThat(access.get("scp").asString()).isEqualTo("User.Read openid");
		assertThat(access.get("client_id").asString()).isEqualTo("keyfob-cli");
		JsonNode idToken = claims(response.get("id_token").asString());
		assertThat(idToken.get("preferred_username").asString()).isEqualTo(upn);
		assertThat(this.graph.get("/beta/me", response.get("id_token").asString()).status()).isEqualTo(401);
	}

	@Test
	void appTokenWhenIntrospectedAndRevokedThenInactiveAndRefusedByTheApi() {
		GraphTestClient.Client client = this.graph.registerClient("Revoking", Set.of("User.Read.All"));
		String token = this.graph.clientCredentials(client.clientId(), client.secret());
		GraphTestClient.Response active = this.graph.postForm("/oauth2/introspect", client, Map.of("token", token));
		assertThat(active.status()).as(active.body().toString()).isEqualTo(200);
		assertThat(active.body().get("active").asBoolean()).isTrue();
		assertThat(this.graph.get("/beta/users", token).status()).isEqualTo(200);
		assertThat(this.graph.postForm("/oauth2/revoke", client, Map.of("token", token)).status()).isEqualTo(200);
		assertThat(this.graph.postForm("/oauth2/introspect", client, Map.of("token", token))
			.body()
			.get("active")
			.asBoolean()).isFalse();
		assertThat(this.graph.get("/beta/users", token).status()).isEqualTo(401);
	}

	@Test
	void authorizationCodeWhenRedeemedTwiceThenInvalidGrantAndFirstTokensRevoked() {
		String upn = unique("replay");
		this.graph.createUser(upn, "Replay-password-1");
		GraphTestClient.CodeGrant grant = this.graph.authorizationCode(upn, "Replay-password-1",
				Set.of("openid", "User.Read"), null);
		GraphTestClient.Response first = this.graph.redeem(grant).expect(200);
		String accessToken = first.body().get("access_token").asString();
		assertThat(this.graph.get("/beta/me", accessToken).status()).isEqualTo(200);
		GraphTestClient.Response second = this.graph.redeem(grant);
		assertThat(second.status()).isEqualTo(400);
		assertThat(second.body().get("error").asString()).isEqualTo("invalid_grant");
		assertThat(this.graph.get("/beta/me", accessToken).status()).isEqualTo(401);
	}

	@Test
	void userinfoAndLogoutWhenSignedInThenAnsweredFromTheStoredAuthorization() {
		String upn = unique("userinfo");
		UUID id = this.graph.createUser(upn, "Userinfo-password-1");
		JsonNode tokens = this.graph.signIn(upn, "Userinfo-password-1", Set.of("openid", "profile", "User.Read"));
		GraphTestClient.Response userinfo = this.graph.get("/userinfo", tokens.get("access_token").asString());
		assertThat(userinfo.status()).as(userinfo.body().toString()).isEqualTo(200);
		assertThat(userinfo.body().get("sub").asString()).isEqualTo(id.toString());
		HttpResponse<String> logout = get("/connect/logout?id_token_hint=" + tokens.get("id_token").asString());
		assertThat(logout.statusCode()).as(logout.body()).isIn(200, 302);
	}

	@Test
	void pagesWhenServedThenContentSecurityAndReferrerPolicies() {
		for (String page : List.of("/login", "/api-explorer/index.html")) {
			HttpResponse<String> response = get(page);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(page)
				.hasValue(PageHeaders.CONTENT_SECURITY_POLICY);
			assertThat(response.headers().firstValue("Referrer-Policy")).as(page).hasValue("same-origin");
		}
	}

	@Test
	void redirectWhenHostHeaderForgedThenNotToThatHost() throws IOException {
		try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.port)) {
			socket.getOutputStream()
				.write(("GET /my-security-info HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n"
						+ "Connection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 302").contains("Location: /login").doesNotContain("evil.example");
		}
	}

	@Test
	void bootstrapWhenRunAgainThenChangesAndPrintsNothing() {
		long clients = count("oauth2_registered_client");
		String hash = this.jdbc.sql("select password_hash from directory_user where upn_key = 'admin@keyfob.test'")
			.query(String.class)
			.single();
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		this.bootstrap.printTo(new PrintStream(console, true, StandardCharsets.UTF_8));
		this.bootstrap.run(null);
		assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(count("oauth2_registered_client")).isEqualTo(clients);
		assertThat(count("bootstrap_state")).isOne();
		assertThat(this.jdbc.sql("select password_hash from directory_user where upn_key = 'admin@keyfob.test'")
			.query(String.class)
			.single()).isEqualTo(hash);
	}

	@Test
	void expiredAuthorizationsWhenOlderThanEveryTokenThenDeletedAndCurrentOnesKept(
			@Autowired io.keyfob.signin.jdbc.JdbcAuthorizations authorizations) {
		GraphTestClient.Client client = this.graph.registerClient("Short lived", Set.of("User.Read.All"));
		this.graph.clientCredentials(client.clientId(), client.secret());
		long before = count("oauth2_authorization");
		assertThat(authorizations.deleteExpiredBefore(this.clock.instant().minusSeconds(3600))).isZero();
		assertThat(authorizations.deleteExpiredBefore(this.clock.instant().plusSeconds(24 * 3600))).isPositive();
		assertThat(count("oauth2_authorization")).isLessThan(before);
	}

	@Test
	void signingKeysWhenLoadedByAnotherNodeThenSameKeysAndPrivateKeySealed() {
		SigningKeys otherNode = new SigningKeys(this.signingKeys, this.sealer, this.clock);
		JWKSelector all = new JWKSelector(new JWKMatcher.Builder().build());
		assertThat(otherNode.get(all, null)).isEqualTo(this.keys.get(all, null));
		assertThat(otherNode.get(all, null)).allMatch((key) -> key.isPrivate());
		var stored = this.signingKeys.findAll().get(0);
		assertThat(stored.privateKey().keyId()).isNotBlank();
		assertThat(stored.privateKey().ciphertext()).hasSizeGreaterThan(1000);
	}

	private String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("").replace("http://127.0.0.1:" + this.port, "");
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private HttpResponse<String> login(String name, String password) {
		return post("/login", Map.of("username", name, "password", password, "_csrf", csrf(get("/login").body())));
	}

	private static String csrf(String page) {
		Matcher matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("CSRF token in %s", page).isTrue();
		return matcher.group(1);
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
	}

	private HttpResponse<String> post(String path, Map<String, String> form) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form(form))));
	}

	private JsonNode tokenRequest(Map<String, String> form) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form(form))));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.browser.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static JsonNode claims(String jwt) {
		String payload = jwt.split("\\.")[1];
		return JsonMapper.builder()
			.build()
			.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

	private static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
