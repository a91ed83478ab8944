package io.keyfob.authorization;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.keyfob.support.GraphTestClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Graph route of {@link ApiEndpoints}, sent what it cannot take: an unknown
 * sub-path, a method it does not serve, a content type it does not read (or, for a read,
 * an {@code Accept} it cannot answer), a malformed body (or, for a read, a malformed
 * query string). Each answer is a Graph error envelope with the request's ids, the way a
 * Graph client parses it, however deep in the stack the refusal happens.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class GraphErrorEnvelopeIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	GraphTestClient graph;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void client() {
		this.graph = GraphTestClient.forPort(this.port);
	}

	@TestFactory
	Stream<DynamicTest> everyGraphRouteWhenSentWhatItCannotTakeThenGraphErrorEnvelope() {
		String token = this.graph.bootstrapToken();
		Fixtures fixtures = new Fixtures(this.graph);
		List<DynamicTest> tests = new ArrayList<>();
		for (ApiEndpoint endpoint : ApiEndpoints.all()) {
			// /me needs a user; the bootstrap token is an application's
			if (!endpoint.path().startsWith("/beta/") || endpoint.path().startsWith("/beta/me")) {
				continue;
			}
			// actions without parameters (deactivate, unlock) read no body, as in Graph
			boolean hasBody = endpoint.body() != null && !endpoint.body().equals("{}");
			tests.add(DynamicTest.dynamicTest(endpoint + " with an unknown sub-path",
					() -> expectEnvelope(
							send("GET", path(endpoint, fixtures) + "/noSuchSegment", token, null, null, null), 404,
							400)));
			String wrongMethod = endpoint.method().equals("PUT") ? "PATCH" : "PUT";
			tests.add(DynamicTest.dynamicTest(endpoint + " with the method " + wrongMethod, () -> expectEnvelope(
					send(wrongMethod, path(endpoint, fixtures), token, "{}", "application/json", null), 405)));
			if (hasBody) {
				tests.add(DynamicTest.dynamicTest(endpoint + " with a text/plain body",
						() -> expectEnvelope(send(endpoint.method(), path(endpoint, fixtures), token,
								fill(endpoint.body(), Map.of()), "text/plain", null), 415)));
				tests.add(DynamicTest.dynamicTest(endpoint + " with a malformed body", () -> expectEnvelope(
						send(endpoint.method(), path(endpoint, fixtures), token, "{\"broken", "application/json", null),
						400)));
			}
			else if (endpoint.method().equals("GET")) {
				tests.add(DynamicTest.dynamicTest(endpoint + " accepting only text/csv",
						() -> expectEnvelope(send("GET", path(endpoint, fixtures), token, null, null, "text/csv"),
								406)));
				tests.add(DynamicTest.dynamicTest(endpoint + " with a malformed query string", () -> expectEnvelope(
						send("GET", path(endpoint, fixtures) + "?$top=many", token, null, null, null), 400)));
			}
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> pathsNoRouteServesWhenCalledThenNotFoundEnvelope() {
		String token = this.graph.bootstrapToken();
		return Stream
			.of("/beta", "/beta/noSuchCollection", "/beta/users/x/noSuch/deeper", "/beta/directory",
					"/beta/directory/authenticationMethodDevices/hardwareOathDevices/x/y/z")
			.map((path) -> DynamicTest.dynamicTest(path,
					() -> expectEnvelope(send("GET", path, token, null, null, null), 404)));
	}

	/**
	 * What the servlet container refuses before any filter of ours reads it: an encoded
	 * NUL in the path, a query string that is not UTF-8, a malformed escape (sent over a
	 * raw socket: HTTP clients refuse to send some of these). Under {@code /beta} and
	 * {@code /api} a Graph client still gets the envelope; elsewhere a plain answer; and
	 * the bad input is never echoed.
	 */
	@Test
	void containerRefusalsUnderGraphWhenSentThenBadRequestEnvelopeAndCalmLog(CapturedOutput output) throws IOException {
		String token = this.graph.bootstrapToken();
		for (String path : List.of("/beta/users/%00", "/beta/users?$filter=displayName%20eq%20%27%ED%A0%80%27",
				"/beta/users/%zz", "/api/v1/clients/%00", "/api/v1/clients?x=%C3")) {
			Answer answer = raw(path, token);
			expectEnvelope(answer, 400);
			assertThat(answer.body()).as(path).doesNotContain("%00", "%ED", "%zz", "%C3", "\\u0000", "<html");
		}
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("ERROR");
	}

	/**
	 * Forged bearer tokens: unsigned ({@code alg: none}), signed by a foreign key, a real
	 * token whose claims were changed, and text that is no JWT at all. Each gets a 401
	 * Graph error, and the log stays calm: a forgery is the sender's problem.
	 */
	@Test
	void forgedTokensWhenPresentedThenUnauthorizedAndCalmLog(CapturedOutput output) {
		String real = this.graph.bootstrapToken();
		String[] parts = real.split("\\.");
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		String unsigned = base64.encodeToString(
				"{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
		String widened = parts[0] + "."
				+ base64.encodeToString(claims.replace("\"exp\":", "\"roles\":[\"Global Administrator\"],\"exp\":")
					.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
		for (String forged : List.of(unsigned, parts[0] + "." + parts[1] + ".", widened, GraphTestClient.foreignToken(),
				"not-a-jwt", "a.b.c", real + "x")) {
			GraphTestClient.Response answer = this.graph.get("/beta/users", forged);
			assertThat(answer.status()).as(forged).isEqualTo(401);
			assertThat(answer.errorCode()).as(forged).isEqualTo("InvalidAuthenticationToken");
		}
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("ERROR");
	}

	@Test
	void containerRefusalsElsewhereWhenSentThenPlainBadRequest() throws IOException {
		for (String path : List.of("/login/%00", "/my-security-info?x=%ED%A0%80", "/%00", "/login?x=%zz")) {
			Answer answer = raw(path, this.graph.bootstrapToken());
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.body()).as(answer.toString())
				.doesNotContain("%00", "%ED", "%zz", "\\u0000", "innerError", "Tomcat", "Exception");
		}
	}

	private String path(ApiEndpoint endpoint, Fixtures fixtures) {
		return fill(endpoint.path(), endpoint.setup().apply(fixtures));
	}

	private static String fill(String template, Map<String, String> values) {
		String filled = AuthorizationMatrixIntegrationTests.fill(template, values);
		return filled.replace("{unique}", UUID.randomUUID().toString().substring(0, 8))
			.replace("{code}", "123456")
			.replace("{next}", "654321");
	}

	private static void expectEnvelope(Answer answer, int... statuses) {
		// a segment where an id goes is read as an id that is not one: 404, or 400 for a
		// malformed GUID, as Graph answers
		int status = answer.status();
		assertThat(status).as(answer.toString()).isIn(java.util.Arrays.stream(statuses).boxed().toList());
		assertThat(answer.contentType()).as(answer.toString()).startsWith("application/json");
		JsonNode error = JSON.readTree(answer.body()).path("error");
		assertThat(error.path("code").asString()).as(answer.toString()).isNotBlank();
		assertThat(error.path("message").asString()).as(answer.toString()).isNotBlank();
		if (status == 404) {
			assertThat(error.path("code").asString()).isIn("Request_ResourceNotFound", "tokenNotFound",
					"tokenNotAssignedToUser");
		}
		if (status == 400 || status == 405 || status == 406 || status == 415) {
			assertThat(error.path("code").asString()).as(answer.toString()).isEqualTo("Request_BadRequest");
		}
		JsonNode inner = error.path("innerError");
		assertThat(inner.path("date").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
		assertThat(inner.path("request-id").asString()).isEqualTo(answer.requestId());
		assertThat(inner.path("client-request-id").asString()).isEqualTo(answer.clientRequestId());
		assertThat(answer.clientRequestIdHeader()).isEqualTo(answer.clientRequestId());
		if (answer.request().contains(" /beta")) {
			assertThat(answer.odataVersion()).isEqualTo("4.0");
		}
	}

	private Answer send(String method, String path, String token, @Nullable String body, @Nullable String contentType,
			@Nullable String accept) throws IOException, InterruptedException {
		String clientRequestId = UUID.randomUUID().toString();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.graph.baseUrl() + path))
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody())
			.header("Authorization", "Bearer " + token)
			.header("client-request-id", clientRequestId);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
		return new Answer(method + " " + path, response.statusCode(), response.body(),
				response.headers().firstValue("Content-Type").orElse(""),
				response.headers().firstValue("request-id").orElse("(none)"), clientRequestId,
				response.headers().firstValue("client-request-id").orElse("(none)"),
				response.headers().firstValue("OData-Version").orElse("(none)"));
	}

	// HTTP/1.0, so the answer ends with the connection, unchunked
	private Answer raw(String path, String token) throws IOException {
		String clientRequestId = UUID.randomUUID().toString();
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
						+ "\r\nclient-request-id: " + clientRequestId + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String[] answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
				.split("\r\n\r\n", 2);
			Map<String, String> headers = new HashMap<>();
			String[] lines = answer[0].split("\r\n");
			for (int i = 1; i < lines.length; i++) {
				String[] header = lines[i].split(":\\s*", 2);
				headers.put(header[0].toLowerCase(Locale.ROOT), header[1]);
			}
			return new Answer("GET " + path, Integer.parseInt(lines[0].split(" ")[1]),
					(answer.length > 1) ? answer[1] : "", headers.getOrDefault("content-type", ""),
					headers.getOrDefault("request-id", "(none)"), clientRequestId,
					headers.getOrDefault("client-request-id", "(none)"),
					headers.getOrDefault("odata-version", "(none)"));
		}
	}

	private record Answer(String request, int status, String body, String contentType, String requestId,
			String clientRequestId, String clientRequestIdHeader, String odataVersion) {

		@Override
		public String toString() {
			return this.request + " -> " + this.status + " " + this.body;
		}

	}

}
