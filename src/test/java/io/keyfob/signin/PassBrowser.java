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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import io.keyfob.support.GraphTestClient.CodeGrant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser that signs in with a Temporary Access Pass by hand, keeping its cookies, on
 * one node.
 */
final class PassBrowser {

	static final String REDIRECT_URI = "http://127.0.0.1:50123/callback";

	// its S256 challenge is in AUTHORIZE
	private static final String VERIFIER = "dBjftJeZ4CVP-mJ92T1oZEyzsH3QAHuP7HGdUXm9SYQ";

	static final String AUTHORIZE = "/oauth2/authorize?response_type=code&client_id=keyfob-cli&scope=openid"
			+ "&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)
			+ "&state=s1&code_challenge=5U9ChkmPJBrn6GvQRaNhJjg0AWa9jlpzt8zmONN8Olw&code_challenge_method=S256";

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.cookieHandler(new CookieManager())
		.build();

	private final int port;

	PassBrowser(int port) {
		this.port = port;
	}

	/** Open the pass page and post the form: a 302 signs in, a 200 shows an error. */
	HttpResponse<String> signIn(String upn, String pass) {
		String csrf = csrf(get(PassSignInController.PAGE).body());
		return post(PassSignInController.PAGE, Map.of("username", upn, "pass", pass, "_csrf", csrf));
	}

	/** Sign in with the pass for keyfob-cli and get the authorization code. */
	CodeGrant authorizationCode(String upn, String pass) {
		assertThat(location(get(AUTHORIZE))).contains("/login");
		HttpResponse<String> signedIn = signIn(upn, pass);
		assertThat(location(signedIn)).contains("/oauth2/authorize");
		String callback = location(get(AUTHORIZE));
		assertThat(callback).startsWith(REDIRECT_URI);
		String code = callback.replaceAll(".*[?&]code=([^&]+).*", "$1");
		return new CodeGrant(code, REDIRECT_URI, VERIFIER);
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

	static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String csrf(String page) {
		Matcher matcher = OtpSignInIntegrationTests.CSRF.matcher(page);
		assertThat(matcher.find()).as("CSRF token in %s", page).isTrue();
		return matcher.group(1);
	}

}
