package io.keyfob.signin;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokenHttpTestSupport;
import io.keyfob.support.HardwareTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.keyfob.support.HardwareTokens.code;
import static io.keyfob.support.HardwareTokens.seed;
import static io.keyfob.support.HardwareTokens.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Signing in with the hardware token as second factor, through the real OIDC provider:
 * keyfob-cli's authorization code flow with PKCE asks for the code after the password,
 * checks it, and says so in the ID token ({@code amr}, {@code acr}). A wrong or used code
 * never yields a session.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OtpSignInIntegrationTests extends HardwareTokenHttpTestSupport {

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void signInWhenUserHoldsActivatedTokenThenCodeAskedAndIdTokenSaysPasswordAndOtp() {
		String upn = upn("ana");
		byte[] seed = userWithActivatedToken(upn);
		JsonNode tokens = this.graph.signIn(upn, PASSWORD, Set.of("openid", "UserAuthenticationMethod.Read"),
				() -> code(seed, 30));
		JsonNode idToken = claims(tokens.get("id_token").asString());
		assertThat(idToken.get("amr")).extracting(JsonNode::asString).containsExactly("pwd", "otp");
		assertThat(idToken.get("acr").asString()).isEqualTo(AccessTokenClaims.ACR_MFA);
		this.graph.get("/beta/me/authentication/hardwareOathMethods", tokens.get("access_token").asString())
			.expect(200);
	}

	@Test
	void signInWhenUserHasNoTokenThenPasswordAloneAndAmrPwd() {
		String upn = upn("bo");
		this.graph.createUser(upn, PASSWORD);
		JsonNode tokens = this.graph.signIn(upn, PASSWORD, Set.of("openid"));
		JsonNode idToken = claims(tokens.get("id_token").asString());
		assertThat(idToken.get("amr")).extracting(JsonNode::asString).containsExactly("pwd");
		assertThat(idToken.get("acr").asString()).isEqualTo(AccessTokenClaims.ACR_PASSWORD);
	}

	@Test
	void signInWhenCodeWrongThenPageSaysSoAndNothingOpens() {
		String upn = upn("cy");
		byte[] seed = userWithActivatedToken(upn);
		Browser browser = new Browser();
		browser.password(upn);
		HttpResponse<String> page = browser.get("/login/otp");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<label for=\"code\">Code</label>", "name=\"code\"",
				"autocomplete=\"one-time-code\"");
		HttpResponse<String> wrong = browser.code(wrongCode(seed));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("That code is wrong or was already used", "9 more wrong codes");
		assertThat(browser.get("/").headers().firstValue("Location").orElse("")).contains("/login/otp");
		assertThat(browser.get(browser.authorize).headers().firstValue("Location").orElse("")).contains("/login/otp");
	}

	@Test
	void signInWhenCodeReplayedThenRefused() {
		String upn = upn("di");
		byte[] seed = userWithActivatedToken(upn);
		String code = code(seed, 30);
		this.graph.signIn(upn, PASSWORD, Set.of("openid"), () -> code);
		assertThatIllegalStateException()
			.isThrownBy(() -> this.graph.signIn(upn, PASSWORD, Set.of("openid"), () -> code))
			.withMessageContaining("The code was not accepted");
	}

	@Test
	void signInWhenThrottledThenPageSaysHowLongToWait() {
		String upn = upn("ed");
		byte[] seed = userWithActivatedToken(upn);
		Browser browser = new Browser();
		browser.password(upn);
		HttpResponse<String> answer = null;
		for (int i = 0; i < 6; i++) {
			answer = browser.code(String.format("%06d", 200000 + i));
		}
		// the wall clock runs here: the wait is 30 seconds or a little less
		assertThat(answer.body()).containsPattern("Too many wrong codes in a row. Wait [0-9]{1,2} seconds?, then")
			.doesNotContain("UTC");
		assertThat(browser.code(code(seed, 0)).body()).contains("Too many wrong codes in a row. Wait");
	}

	private byte[] userWithActivatedToken(String upn) {
		return HardwareTokens.activatedToken(this.graph, this.app, this.graph.createUser(upn, PASSWORD));
	}

	static JsonNode claims(String jwt) {
		return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
	}

	private static String upn(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	/**
	 * A browser that follows the sign-in by hand, keeping cookies.
	 */
	final class Browser {

		final HttpClient http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.build();

		final String authorize = "/oauth2/authorize?response_type=code&client_id=keyfob-cli&scope=openid"
				+ "&redirect_uri=" + URLEncoder.encode("http://127.0.0.1:50123/callback", StandardCharsets.UTF_8)
				+ "&state=s1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

		/** Start an authorization request and pass the password step. */
		void password(String upn) {
			get(this.authorize);
			String csrf = csrf(get("/login").body());
			HttpResponse<String> login = post("/login", Map.of("username", upn, "password", PASSWORD, "_csrf", csrf));
			assertThat(login.headers().firstValue("Location").orElse("")).contains("/oauth2/authorize");
			assertThat(get(this.authorize).headers().firstValue("Location").orElse("")).contains("/login/otp");
		}

		HttpResponse<String> code(String code) {
			return post("/login/otp", Map.of("code", code, "_csrf", csrf(get("/login/otp").body())));
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
		}

		HttpResponse<String> post(String path, Map<String, String> form) {
			String body = form.entrySet()
				.stream()
				.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(BodyPublishers.ofString(body)));
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + OtpSignInIntegrationTests.this.port + path);
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				return this.http.send(request.build(), BodyHandlers.ofString());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		private String csrf(String page) {
			Matcher matcher = CSRF.matcher(page);
			assertThat(matcher.find()).as("CSRF token in %s", page).isTrue();
			return matcher.group(1);
		}

	}

}
