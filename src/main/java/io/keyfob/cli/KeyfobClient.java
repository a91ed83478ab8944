package io.keyfob.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a running Keyfob over HTTP as a confidential client: gets an access token with
 * the client credentials grant, then sends API requests with it. Errors come back as
 * {@link CommandFailed} with the server's own message (the Graph error envelope) and the
 * exit code that fits.
 */
final class KeyfobClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final URI base;

	private @Nullable String accessToken;

	KeyfobClient(URI base) {
		this.base = base;
	}

	URI base() {
		return this.base;
	}

	/**
	 * Gets an access token with the client credentials grant, the secret sent by HTTP
	 * Basic (RFC 6749 §2.3.1).
	 * @param clientId the client id
	 * @param secret the client secret
	 */
	void signIn(String clientId, String secret) {
		String basic = Base64.getEncoder()
			.encodeToString((form(clientId) + ":" + form(secret)).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = send(HttpRequest.newBuilder(this.base.resolve("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(BodyPublishers.ofString("grant_type=client_credentials")));
		if (response.statusCode() == 400 || response.statusCode() == 401) {
			throw new CommandFailed(ExitCodes.ACCESS, "The server refused the client credentials: check --client-id "
					+ "and the secret in --client-secret-file");
		}
		JsonNode body = json(response, 200);
		this.accessToken = body.path("access_token").asString(null);
		if (this.accessToken == null) {
			throw new CommandFailed(ExitCodes.FAILED, "The server's token answer holds no access token");
		}
	}

	/**
	 * Sends a multipart form with one file and text fields.
	 * @param path the API path
	 * @param file the file, streamed from disk
	 * @param fields the text fields, as UTF-8 bytes; the caller overwrites secret ones
	 * after the call
	 * @param expected the status of success
	 * @return the response
	 */
	HttpResponse<String> postFile(String path, Path file, Map<String, byte[]> fields, int expected) {
		String boundary = "keyfob-" + UUID.randomUUID();
		List<BodyPublisher> parts = new ArrayList<>();
		fields.forEach((name, value) -> {
			parts.add(BodyPublishers.ofString(
					"--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n",
					StandardCharsets.UTF_8));
			parts.add(BodyPublishers.ofByteArray(value));
			parts.add(BodyPublishers.ofString("\r\n"));
		});
		parts
			.add(BodyPublishers.ofString(
					"--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; " + "filename=\""
							+ fileName(file) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n",
					StandardCharsets.UTF_8));
		try {
			parts.add(BodyPublishers.ofFile(file));
		}
		catch (IOException ex) {
			throw new CommandFailed(ExitCodes.USAGE, "Cannot read " + file);
		}
		parts.add(BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
		HttpResponse<String> response = send(
				request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(BodyPublishers.concat(parts.toArray(BodyPublisher[]::new))));
		check(response, expected);
		return response;
	}

	/**
	 * Gets a JSON resource.
	 * @param uri an absolute URI or a path
	 * @return the body
	 */
	JsonNode get(String uri) {
		HttpResponse<String> response = send(request(uri).GET());
		return json(response, 200);
	}

	static JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new CommandFailed(ExitCodes.FAILED, "The server's answer is not JSON");
		}
	}

	private HttpRequest.Builder request(String uri) {
		URI target = uri.startsWith("http") ? URI.create(uri) : this.base.resolve(uri);
		return HttpRequest.newBuilder(target)
			.header("Authorization", "Bearer " + this.accessToken)
			.header("Accept", "application/json");
	}

	private JsonNode json(HttpResponse<String> response, int expected) {
		check(response, expected);
		return parse(response.body());
	}

	// Turns an error answer into the server's message and an exit code.
	private static void check(HttpResponse<String> response, int expected) {
		int status = response.statusCode();
		if (status == expected) {
			return;
		}
		String message = "The server answered " + status;
		String code = null;
		try {
			JsonNode error = JSON.readTree(response.body()).path("error");
			if (error.path("message").isString()) {
				message = error.path("message").asString();
				code = error.path("code").asString(null);
			}
		}
		catch (JacksonException ex) {
			// not the error envelope: keep the status
		}
		int exitCode = switch (status) {
			case 401, 403 -> ExitCodes.ACCESS;
			case 400, 404, 413, 415 -> ExitCodes.USAGE;
			default -> ExitCodes.FAILED;
		};
		throw new CommandFailed(exitCode, (code != null) ? message + " (" + code + ")" : message);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofMinutes(10)).build(), BodyHandlers.ofString());
		}
		catch (ConnectException ex) {
			throw new CommandFailed(ExitCodes.FAILED, "Cannot connect to " + this.base + ": is Keyfob running there?");
		}
		catch (IOException ex) {
			throw new CommandFailed(ExitCodes.FAILED, "The connection to " + this.base + " failed (" + ex.getMessage()
					+ "); if this was an upload, the file may be larger than the server accepts");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandFailed(ExitCodes.FAILED, "Interrupted");
		}
	}

	private static String fileName(Path file) {
		Path name = file.getFileName();
		return (name != null) ? name.toString().replace("\"", "").replace("\r", "").replace("\n", "") : "upload";
	}

	private static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
