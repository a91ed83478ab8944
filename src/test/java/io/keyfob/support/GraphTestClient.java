package io.keyfob.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.keyfob.directory.DirectoryRole;
import io.keyfob.directory.GraphPermission;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Talks to a running Keyfob over real HTTP, as a client application would: gets app-only
 * tokens for any set of permissions (registering a client on the fly through
 * {@code /api/v1/clients} with the bootstrap client), delegated tokens for a user through
 * the real authorization code + PKCE flow of the built-in {@code keyfob-cli} client, and
 * sends JSON requests. Tokens and registered clients are cached per client instance.
 * <p>
 * Typical use in a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} test:
 *
 * <pre>
 * GraphTestClient graph = GraphTestClient.forPort(port);
 * String token = graph.appToken(Set.of("Policy.Read.All"));
 * GraphTestClient.Response response = graph.get("/beta/users", token);
 * </pre>
 *
 * The bootstrap credentials are the ones in
 * {@code src/test/resources/config/application.properties}.
 */
public final class GraphTestClient {

	/** The bootstrap client id set for tests. */
	public static final String BOOTSTRAP_CLIENT_ID = "bootstrap-test-client";

	/** The bootstrap client secret set for tests. */
	public static final String BOOTSTRAP_CLIENT_SECRET = "bootstrap-test-secret-0123456789";

	/** The bootstrap admin set for tests. */
	public static final String ADMIN_UPN = "admin@keyfob.test";

	/** The bootstrap admin's password set for tests. */
	public static final String ADMIN_PASSWORD = "Admin-password-for-tests-1";

	/** Every scope a delegated token can ask for. */
	public static final Set<String> ALL_DELEGATED_SCOPES = Set
		.copyOf(Set.of(GraphPermission.values()).stream().map(GraphPermission::scope).collect(Collectors.toSet()));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final Map<Set<String>, String> appTokens = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private GraphTestClient(String base) {
		this.base = base;
	}

	/**
	 * A client for a server on loopback.
	 * @param port the server's port
	 * @return the client
	 */
	public static GraphTestClient forPort(int port) {
		return new GraphTestClient("http://127.0.0.1:" + port);
	}

	public String baseUrl() {
		return this.base;
	}

	/**
	 * An app-only token of the bootstrap client, which holds every application
	 * permission.
	 * @return the access token
	 */
	public String bootstrapToken() {
		return this.appTokens.computeIfAbsent(Set.of("(bootstrap)"),
				(key) -> clientCredentials(BOOTSTRAP_CLIENT_ID, BOOTSTRAP_CLIENT_SECRET));
	}

	/**
	 * An app-only token holding exactly these permissions, from a client registered for
	 * them on first use.
	 * @param permissions Graph application permission names, possibly none
	 * @return the access token
	 */
	public String appToken(Set<String> permissions) {
		return this.appTokens.computeIfAbsent(Set.copyOf(permissions), (key) -> {
			Client client = registerClient("test client " + new TreeSet<>(key), key);
			return clientCredentials(client.clientId(), client.secret());
		});
	}

	/**
	 * Register a confidential client through the API.
	 * @param displayName its name
	 * @param permissions its application permissions
	 * @return its id and secret
	 */
	public Client registerClient(String displayName, Set<String> permissions) {
		Response created = post("/api/v1/clients", bootstrapToken(),
				Map.of("displayName", displayName, "permissions", permissions));
		created.expect(201);
		return new Client(created.body().get("clientId").asString(), created.body().get("clientSecret").asString());
	}

	/**
	 * Get a token with the client credentials grant, the secret sent by HTTP Basic.
	 * @param clientId the client id
	 * @param secret the client secret
	 * @return the access token
	 */
	public String clientCredentials(String clientId, String secret) {
		String basic = Base64.getEncoder()
			.encodeToString((form(clientId) + ":" + form(secret)).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("grant_type=client_credentials")));
		return token(response);
	}

	/**
	 * A delegated token for a user through the real sign-in: {@code keyfob-cli}'s
	 * authorization code flow with PKCE, the login form with its CSRF token, the redirect
	 * to a loopback URI, and the code exchanged at the token endpoint.
	 * @param userPrincipalName the user's sign-in name
	 * @param password their password
	 * @param scopes the scopes to ask for
	 * @return the access token
	 */
	public String delegatedToken(String userPrincipalName, String password, Set<String> scopes) {
		return signIn(userPrincipalName, password, scopes).get("access_token").asString();
	}

	/**
	 * The whole token response of a delegated sign-in, see
	 * {@link #delegatedToken(String, String, Set)}.
	 * @param userPrincipalName the user's sign-in name
	 * @param password their password
	 * @param scopes the scopes to ask for
	 * @return the token endpoint's JSON answer
	 */
	public JsonNode signIn(String userPrincipalName, String password, Set<String> scopes) {
		return signIn(userPrincipalName, password, scopes, null);
	}

	/**
	 * A delegated sign-in that answers the hardware token step when Keyfob asks for it:
	 * after the password, {@code /login/otp} with its CSRF token and the code.
	 * @param userPrincipalName the user's sign-in name
	 * @param password their password
	 * @param scopes the scopes to ask for
	 * @param code gives the code when the page asks, or {@code null} to expect no code
	 * step
	 * @return the token endpoint's JSON answer
	 */
	public JsonNode signIn(String userPrincipalName, String password, Set<String> scopes,
			@Nullable Supplier<String> code) {
		Response token = redeem(authorizationCode(userPrincipalName, password, scopes, code));
		if (token.status() != 200) {
			throw new IllegalStateException("Token request failed: " + token.status() + " " + token.body());
		}
		return token.body();
	}

	/**
	 * The sign-in of {@link #signIn(String, String, Set, Supplier)} up to the
	 * authorization code, which is not redeemed yet.
	 * @param userPrincipalName the user's sign-in name
	 * @param password their password
	 * @param scopes the scopes to ask for
	 * @param code gives the code when the page asks, or {@code null}
	 * @return the code with what redeeming it takes
	 */
	public CodeGrant authorizationCode(String userPrincipalName, String password, Set<String> scopes,
			@Nullable Supplier<String> code) {
		HttpClient browser = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.build();
		String verifier = randomUrlSafe();
		String redirectUri = "http://127.0.0.1:" + (49152 + this.random.nextInt(16000)) + "/callback";
		String state = randomUrlSafe();
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", "keyfob-cli");
		query.put("redirect_uri", redirectUri);
		query.put("scope", String.join(" ", new TreeSet<>(scopes)));
		query.put("state", state);
		query.put("code_challenge", challenge(verifier));
		query.put("code_challenge_method", "S256");
		HttpResponse<String> authorize = send(browser, browse("/oauth2/authorize?" + form(query)));
		expectRedirect(authorize, "/login");
		HttpResponse<String> loginPage = send(browser, browse("/login"));
		Matcher csrf = CSRF.matcher(loginPage.body());
		if (!csrf.find()) {
			throw new IllegalStateException("The login page has no CSRF token: " + loginPage.body());
		}
		HttpResponse<String> login = send(browser, HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers
				.ofString(form(Map.of("username", userPrincipalName, "password", password, "_csrf", csrf.group(1))))));
		String next = (code != null) ? otpStep(browser, login, code) : expectRedirect(login, "/oauth2/authorize");
		HttpResponse<String> authorized = send(browser, HttpRequest.newBuilder(URI.create(absolute(next))).GET());
		String callback = expectRedirect(authorized, redirectUri);
		Map<String, String> parameters = queryParameters(URI.create(callback));
		if (!state.equals(parameters.get("state")) || parameters.get("code") == null) {
			throw new IllegalStateException("Unexpected authorization response: " + callback);
		}
		return new CodeGrant(parameters.get("code"), redirectUri, verifier);
	}

	/**
	 * Redeem an authorization code at the token endpoint as {@code keyfob-cli}.
	 * @param grant the code
	 * @return the token endpoint's answer
	 */
	public Response redeem(CodeGrant grant) {
		return postForm("/oauth2/token", null, Map.of("grant_type", "authorization_code", "code", grant.code(),
				"redirect_uri", grant.redirectUri(), "client_id", "keyfob-cli", "code_verifier", grant.verifier()));
	}

	/**
	 * Post a form, optionally as a confidential client (HTTP Basic).
	 * @param path the path
	 * @param client the client authenticating, or {@code null}
	 * @param fields the form fields
	 * @return the answer
	 */
	public Response postForm(String path, @Nullable Client client, Map<String, String> fields) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(form(fields)));
		if (client != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(
						(form(client.clientId()) + ":" + form(client.secret())).getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<String> response = send(request);
		return new Response(response.statusCode(), parse(response.body()), response.headers().map());
	}

	/**
	 * Create a user through the API with the bootstrap client.
	 * @param userPrincipalName the sign-in name
	 * @param password the password, or {@code null}
	 * @return the new user's id
	 */
	public UUID createUser(String userPrincipalName, @Nullable String password) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("accountEnabled", true);
		body.put("displayName", userPrincipalName.substring(0, userPrincipalName.indexOf('@')));
		body.put("userPrincipalName", userPrincipalName);
		if (password != null) {
			body.put("passwordProfile", Map.of("password", password));
		}
		return UUID.fromString(post("/beta/users", bootstrapToken(), body).expect(201).body().get("id").asString());
	}

	/**
	 * Give a user a directory role through the API with the bootstrap client.
	 * @param userId the user
	 * @param role the role
	 * @return the assignment's id
	 */
	public UUID assignRole(UUID userId, DirectoryRole role) {
		return UUID
			.fromString(post("/beta/roleManagement/directory/roleAssignments", bootstrapToken(), Map.of("principalId",
					userId.toString(), "roleDefinitionId", role.templateId().toString(), "directoryScopeId", "/"))
				.expect(201)
				.body()
				.get("id")
				.asString());
	}

	public Response get(String path, @Nullable String token) {
		return send("GET", path, token, null);
	}

	/**
	 * A user's sign-in log entries, read with a token granted AuditLog.Read.All.
	 * @param userPrincipalName the user
	 * @return the entries ({@code value})
	 */
	public JsonNode signIns(String userPrincipalName) {
		return get(
				"/beta/auditLogs/signIns?$filter="
						+ URLEncoder.encode("userPrincipalName eq '" + userPrincipalName + "'", StandardCharsets.UTF_8),
				appToken(Set.of("AuditLog.Read.All")))
			.expect(200)
			.body()
			.get("value");
	}

	public Response post(String path, @Nullable String token, @Nullable Object body) {
		return send("POST", path, token, body);
	}

	public Response patch(String path, @Nullable String token, @Nullable Object body) {
		return send("PATCH", path, token, body);
	}

	public Response delete(String path, @Nullable String token) {
		return send("DELETE", path, token, null);
	}

	/**
	 * Send a request with a JSON body.
	 * @param method the HTTP method
	 * @param path the path and query, for example {@code /beta/users?$top=5}
	 * @param token a bearer token, or {@code null}
	 * @param body an object to send as JSON, a String to send as it is, or {@code null}
	 * @return status, headers and parsed body
	 */
	public Response send(String method, String path, @Nullable String token, @Nullable Object body) {
		String text = (body == null) ? null : (body instanceof String s) ? s : JSON.writeValueAsString(body);
		return send(method, path, token, text, "application/json");
	}

	/**
	 * Send a request with a body of any type.
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param token a bearer token, or {@code null}
	 * @param body the body, or {@code null}
	 * @param contentType its content type
	 * @return status, headers and parsed body
	 */
	public Response send(String method, String path, @Nullable String token, @Nullable String body,
			String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody())
			.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = send(request);
		JsonNode json = response.body().isBlank() ? JSON.missingNode() : parse(response.body());
		return new Response(response.statusCode(), json, response.headers().map());
	}

	/**
	 * A token signed by Keyfob's own key that expired an hour ago.
	 * @param encoder the server's encoder (a bean of the test's context)
	 * @return the token
	 */
	public static String expiredToken(JwtEncoder encoder) {
		Instant past = Instant.now().minus(Duration.ofHours(2));
		return encoder.encode(JwtEncoderParameters.from(header(), claims(past))).getTokenValue();
	}

	/**
	 * A well-formed, unexpired app-only token with every permission, signed by a key
	 * Keyfob never saw.
	 * @return the token
	 */
	public static String foreignToken() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			JwtEncoder foreign = NimbusJwtEncoder
				.withKeyPair((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate())
				.build();
			return foreign.encode(JwtEncoderParameters.from(header(), claims(Instant.now()))).getTokenValue();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JwsHeader header() {
		return JwsHeader.with(SignatureAlgorithm.RS256).type("at+jwt").build();
	}

	private static JwtClaimsSet claims(Instant issued) {
		List<String> all = GraphPermission.applicationPermissions().stream().map(GraphPermission::scope).toList();
		return JwtClaimsSet.builder()
			.subject(BOOTSTRAP_CLIENT_ID)
			.claim("client_id", BOOTSTRAP_CLIENT_ID)
			.claim("idtyp", "app")
			.claim("scope", all)
			.issuedAt(issued)
			.notBefore(issued)
			.expiresAt(issued.plus(Duration.ofHours(1)))
			.build();
	}

	/**
	 * The code step: the password led to the authorization request, which sends the user
	 * on to {@code /login/otp}.
	 */
	private String otpStep(HttpClient browser, HttpResponse<String> login, Supplier<String> code) {
		String next = expectRedirect(login, "/oauth2/authorize");
		HttpResponse<String> authorize = send(browser, HttpRequest.newBuilder(URI.create(absolute(next))).GET());
		expectRedirect(authorize, "/login/otp");
		HttpResponse<String> page = send(browser, browse("/login/otp"));
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("The code page has no CSRF token: " + page.body());
		}
		HttpResponse<String> answer = send(browser,
				HttpRequest.newBuilder(uri("/login/otp"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(BodyPublishers.ofString(form(Map.of("code", code.get(), "_csrf", csrf.group(1))))));
		if (answer.statusCode() != 302) {
			throw new IllegalStateException("The code was not accepted: " + answer.statusCode() + " " + answer.body());
		}
		return expectRedirect(answer, "/oauth2/authorize");
	}

	private String token(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
		}
		return parse(response.body()).get("access_token").asString();
	}

	private HttpRequest.Builder browse(String path) {
		return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET();
	}

	private String expectRedirect(HttpResponse<String> response, String prefix) {
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || !absolute(location).startsWith(absolute(prefix))) {
			throw new IllegalStateException("Expected a redirect to " + prefix + " but got " + response.statusCode()
					+ " to '" + location + "': " + response.body());
		}
		return location;
	}

	private String absolute(String location) {
		return location.startsWith("/") ? this.base + location : location;
	}

	private URI uri(String path) {
		return URI.create(this.base + path.replace(" ", "%20").replace("'", "%27"));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return send(this.http, request);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return JSON.getNodeFactory().stringNode(body);
		}
	}

	private String randomUrlSafe() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((e) -> form(e.getKey()) + "=" + form(e.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static Map<String, String> queryParameters(URI uri) {
		Map<String, String> parameters = new LinkedHashMap<>();
		String query = uri.getRawQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				int eq = pair.indexOf('=');
				parameters.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

	/**
	 * An authorization code not redeemed yet.
	 *
	 * @param code the code
	 * @param redirectUri the redirect URI it was issued for
	 * @param verifier the PKCE code verifier
	 */
	public record CodeGrant(String code, String redirectUri, String verifier) {
	}

	/**
	 * A registered client's credentials.
	 *
	 * @param clientId the client id
	 * @param secret the client secret
	 */
	public record Client(String clientId, String secret) {
	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status
	 * @param body the parsed JSON body, a string node for a body that is not JSON, or a
	 * missing node for none
	 * @param headers the response headers
	 */
	public record Response(int status, JsonNode body, Map<String, List<String>> headers) {

		/**
		 * Check the status.
		 * @param expected the status wanted
		 * @return this response
		 * @throws AssertionError with the body when the status differs
		 */
		public Response expect(int expected) {
			if (this.status != expected) {
				throw new AssertionError("Expected HTTP " + expected + " but got " + this.status + ": " + this.body);
			}
			return this;
		}

		/**
		 * The Graph error code of an error answer.
		 * @return the code, or {@code null} when the body is no Graph error envelope
		 */
		public @Nullable String errorCode() {
			JsonNode code = this.body.path("error").path("code");
			return code.isString() ? code.asString() : null;
		}

	}

}
