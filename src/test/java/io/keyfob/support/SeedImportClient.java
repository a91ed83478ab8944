package io.keyfob.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.keyfob.support.GraphCalls.Response;
import tools.jackson.databind.JsonNode;

/**
 * Uploads seed files to a running Keyfob's {@code /api/v1/seed-imports} as multipart
 * forms, as a client with the given access token, and waits for the jobs to finish.
 */
public final class SeedImportClient {

	public static final String PATH = "/api/v1/seed-imports";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String token;

	private SeedImportClient(String base, String token) {
		this.base = base;
		this.token = token;
	}

	/**
	 * A client for a server on loopback.
	 * @param port the server's port
	 * @param token the access token
	 * @return the client
	 */
	public static SeedImportClient withToken(int port, String token) {
		return new SeedImportClient("http://127.0.0.1:" + port, token);
	}

	/**
	 * Upload a file.
	 * @param content the file
	 * @param fileName its name
	 * @param fields other form fields, such as {@code dryRun=true}
	 * @return the answer
	 */
	public Response upload(byte[] content, String fileName, Map<String, String> fields) {
		String boundary = "----keyfob-test-" + UUID.randomUUID();
		return send(HttpRequest.newBuilder(URI.create(this.base + PATH))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, content, fileName, fields))));
	}

	public Response upload(String content, String fileName, Map<String, String> fields) {
		return upload(content.getBytes(StandardCharsets.UTF_8), fileName, fields);
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : this.base + path))
			.header("Authorization", "Bearer " + this.token)
			.GET());
	}

	/**
	 * Upload a file and wait for its job to finish.
	 * @param content the file
	 * @param fileName its name
	 * @param fields other form fields
	 * @return the finished job
	 * @throws AssertionError if the upload is not accepted or the job does not finish
	 */
	public JsonNode importFile(byte[] content, String fileName, Map<String, String> fields) {
		Response accepted = upload(content, fileName, fields);
		if (accepted.status() != 202) {
			throw new AssertionError("Upload not accepted: " + accepted.status() + " " + accepted.text());
		}
		return await(accepted);
	}

	/**
	 * Poll a job until it is finished.
	 * @param accepted the {@code 202} answer of the upload
	 * @return the finished job
	 */
	public JsonNode await(Response accepted) {
		String location = accepted.location();
		if (location == null) {
			throw new AssertionError("No Location in " + accepted);
		}
		Instant deadline = Instant.now().plus(TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			Response status = get(location);
			if (status.status() != 200) {
				throw new AssertionError("Job status: " + status.status() + " " + status.text());
			}
			JsonNode job = status.json();
			String state = job.get("status").stringValue();
			if (state.equals("succeeded") || state.equals("failed")) {
				return job;
			}
			sleep();
		}
		throw new AssertionError("Job " + location + " did not finish within " + TIMEOUT);
	}

	/**
	 * A multipart form body with one file field, {@code file}, and text fields.
	 * @param boundary the boundary
	 * @param content the file
	 * @param fileName its name
	 * @param fields the text fields
	 * @return the body
	 */
	public static byte[] multipart(String boundary, byte[] content, String fileName, Map<String, String> fields) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return body.toByteArray();
	}

	private static void write(ByteArrayOutputStream body, String text) {
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
