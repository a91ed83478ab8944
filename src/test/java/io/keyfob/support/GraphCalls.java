package io.keyfob.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.keyfob.directory.DirectoryRole;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls to a running Keyfob for Graph API tests: JSON in, status and JSON out,
 * no client-side magic in between.
 */
public final class GraphCalls {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String PASSWORD = "Calls-password-1";

	private static final Map<Integer, GraphTestClient> clients = new ConcurrentHashMap<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String authorization;

	private GraphCalls(String base, String authorization) {
		this.base = base;
		this.authorization = authorization;
	}

	/**
	 * Calls to Keyfob on a port as an application holding exactly these Graph
	 * permissions, with a real access token from Keyfob's authorization server.
	 * @param port the server port
	 * @param permissions the application's permissions
	 * @return the calls
	 */
	public static GraphCalls as(int port, String... permissions) {
		return withToken(port, client(port).appToken(Set.of(permissions)));
	}

	/**
	 * Calls as a signed-in user who holds directory roles, with a delegated token that
	 * asks for every scope: the effective rights are the roles'.
	 * @param port the server port
	 * @param roles the user's roles, none for a user without one
	 * @return the calls
	 */
	public static GraphCalls delegated(int port, DirectoryRole... roles) {
		GraphTestClient client = client(port);
		String upn = "u-" + UUID.randomUUID().toString().substring(0, 8) + "@calls.test";
		UUID user = client.createUser(upn, PASSWORD);
		for (DirectoryRole role : roles) {
			client.assignRole(user, role);
		}
		Set<String> scopes = new HashSet<>(GraphTestClient.ALL_DELEGATED_SCOPES);
		scopes.add("openid");
		return withToken(port, client.delegatedToken(upn, PASSWORD, scopes));
	}

	/**
	 * Calls with a given access token.
	 * @param port the server port
	 * @param token the access token
	 * @return the calls
	 */
	public static GraphCalls withToken(int port, String token) {
		return new GraphCalls("http://127.0.0.1:" + port, "Bearer " + token);
	}

	/**
	 * The token client for a server, one per port so its tokens and clients are reused.
	 * @param port the server port
	 * @return the client
	 */
	public static GraphTestClient client(int port) {
		return clients.computeIfAbsent(port, GraphTestClient::forPort);
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
