package io.keyfob.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls to a running Keyfob for Graph API tests: JSON in, status and JSON out,
 * no client-side magic in between.
 */
public final class GraphCalls {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String authorization;

	private GraphCalls(String base, String authorization) {
		this.base = base;
		this.authorization = authorization;
	}

	/**
	 * Calls to Keyfob on a port, as a caller with these Graph permissions.
	 * @param port the server port
	 * @param permissions the caller's permissions
	 * @return the calls
	 */
	public static GraphCalls as(int port, String... permissions) {
		return new GraphCalls("http://127.0.0.1:" + port, TestGraphSecurity.bearer(permissions));
	}

	/**
	 * Calls without any credentials.
	 * @param port the server port
	 * @return the calls
	 */
	public static GraphCalls anonymous(int port) {
		return new GraphCalls("http://127.0.0.1:" + port, "");
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response post(String path, String body) {
		return send("POST", path, body);
	}

	public Response patch(String path, String body) {
		return send("PATCH", path, body);
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	/**
	 * Send a request.
	 * @param method the HTTP method
	 * @param path the path and query, already encoded
	 * @param body the JSON body, or {@code null}
	 * @return the response
	 */
	public Response send(String method, String path, @Nullable String body) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(path.startsWith("http") ? path : this.base + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (!this.authorization.isEmpty()) {
			request.header("Authorization", this.authorization);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request failed: " + method + " " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted: " + method + " " + path, ex);
		}
	}

	/**
	 * A response.
	 *
	 * @param status the HTTP status
	 * @param text the body as text
	 * @param location the Location header, if any
	 */
	public record Response(int status, String text, @Nullable String location) {

		/**
		 * The body as JSON.
		 * @return the parsed body
		 */
		public JsonNode json() {
			return json.readTree(this.text);
		}

		/**
		 * The Graph error code of an error response.
		 * @return {@code error.code}
		 */
		public String errorCode() {
			return json().get("error").get("code").stringValue();
		}

		/**
		 * The Graph error message of an error response.
		 * @return {@code error.message}
		 */
		public String errorMessage() {
			return json().get("error").get("message").stringValue();
		}

	}

}
