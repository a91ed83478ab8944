package io.keyfob.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running Keyfob's HTTP API, with an app-only token from the client credentials grant.
 */
final class KeyfobApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI server;

	private final String token;

	private KeyfobApi(HttpClient http, URI server, String token) {
		this.http = http;
		this.server = server;
		this.token = token;
	}

	static KeyfobApi signIn(URI server, String clientId, String secret) throws IOException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		String basic = Base64.getEncoder()
			.encodeToString((encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send(http,
				HttpRequest.newBuilder(server.resolve("/oauth2/token"))
					.header("Authorization", "Basic " + basic)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(BodyPublishers.ofString("grant_type=client_credentials")));
		if (response.statusCode() != 200) {
			throw new Refused(response.statusCode(), "Keyfob refused the client credentials (HTTP "
					+ response.statusCode() + "): check --client-id and the secret file");
		}
		return new KeyfobApi(http, server, JSON.readTree(response.body()).get("access_token").asString());
	}

	JsonNode post(String path, String contentType, BodyPublisher body) throws IOException {
		return answer(send(this.http, request(path).header("Content-Type", contentType).POST(body)));
	}

	JsonNode postJson(String path, Object body) throws IOException {
		return post(path, "application/json", BodyPublishers.ofString(JSON.writeValueAsString(body)));
	}

	JsonNode get(String path) throws IOException {
		return answer(send(this.http, request(path).GET()));
	}

	JsonNode delete(String path) throws IOException {
		return answer(send(this.http, request(path).DELETE()));
	}

	/**
	 * Gets a resource as a stream, for large text answers such as CSV.
	 * @param path the path
	 * @param accept the media type asked for
	 * @return the body; the caller closes it
	 * @throws IOException with Keyfob's error message if it refused
	 */
	InputStream open(String path, String accept) throws IOException {
		HttpResponse<InputStream> response;
		try {
			response = this.http.send(request(path).header("Accept", accept).GET().build(),
					BodyHandlers.ofInputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
		if (response.statusCode() >= 400) {
			try (InputStream body = response.body()) {
				answer(new String(body.readAllBytes(), StandardCharsets.UTF_8), response.statusCode());
			}
		}
		return response.body();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.server.resolve(path))
			.timeout(Duration.ofMinutes(30))
			.header("Authorization", "Bearer " + this.token)
			.header("Accept", "application/json");
	}

	private static JsonNode answer(HttpResponse<String> response) throws IOException {
		return answer(response.body(), response.statusCode());
	}

	private static JsonNode answer(String text, int status) throws IOException {
		JsonNode body = text.isBlank() ? JSON.missingNode() : JSON.readTree(text);
		if (status >= 400) {
			String message = body.path("error").path("message").asString("HTTP " + status);
			throw new Refused(status, message + " (HTTP " + status + ")");
		}
		return body;
	}

	/**
	 * Keyfob answered with an error: the message of its error envelope, and the status.
	 */
	static final class Refused extends IOException {

		private static final long serialVersionUID = 1L;

		private final int status;

		Refused(int status, String message) {
			super(message);
			this.status = status;
		}

		int status() {
			return this.status;
		}

	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws IOException {
		try {
			return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
