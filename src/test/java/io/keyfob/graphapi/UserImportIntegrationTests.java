package io.keyfob.graphapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.support.GraphTestClient;
import io.keyfob.support.GraphTestClient.Response;
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
 * Bulk user import from CSV through {@code POST /api/v1/users/import}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UserImportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	GraphTestClient graph;

	String app;

	@BeforeEach
	void client() {
		this.graph = GraphTestClient.forPort(this.port);
		this.app = this.graph.bootstrapToken();
	}

	@Test
	void importWhenRowsMixedThenGoodOnesCreatedAndBadOnesReportedByLine() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String pilots = this.graph.post("/beta/groups", this.app, Map.of("displayName", "Pilots " + tag))
			.expect(201)
			.body()
			.get("id")
			.asString();
		this.graph.post("/beta/groups", this.app, Map.of("displayName", "Helpdesk " + tag)).expect(201);
		String existing = "existing-" + tag + "@example.org";
		this.graph.createUser(existing, null);
		String csv = """
				displayName,userPrincipalName,groups,password
				Ann,ann-%1$s@example.org,Pilots %1$s;Helpdesk %1$s,Ann-password-1
				"Bob, Jr.",bob-%1$s@example.org,%2$s,
				Dup,ANN-%1$s@example.org,,
				Old,%3$s,,
				Bad,not-an-address,,
				Lost,lost-%1$s@example.org,No such group,
				Short,short-%1$s@example.org,,short
				""".formatted(tag, pilots, existing);
		JsonNode report = this.graph.send("POST", "/api/v1/users/import", this.app, csv, "text/csv").expect(200).body();
		assertThat(report.get("created").asInt()).isEqualTo(2);
		assertThat(report.get("failed").asInt()).isEqualTo(5);
		JsonNode rows = report.get("rows");
		assertThat(rows.get(0).get("line").asInt()).isEqualTo(2);
		assertThat(rows.get(0).get("id").isString()).isTrue();
		assertThat(rows.get(2).get("errorCode").asString()).isEqualTo("Request_BadRequest");
		assertThat(rows.get(3).get("errorCode").asString()).isEqualTo("Request_MultipleObjectsWithSameKeyValue");
		assertThat(rows.get(5).get("message").asString()).contains("No such group");
		assertThat(report.toString()).doesNotContain("Ann-password-1").doesNotContain("\"short\"");
		JsonNode members = this.graph.get("/beta/groups/" + pilots + "/members", this.app).expect(200).body();
		assertThat(members.get("value")).hasSize(2);
		this.graph.delegatedToken("ann-" + tag + "@example.org", "Ann-password-1", Set.of("User.Read"));
	}

	@Test
	void importWhenMoreRowsThanOneBatchThenEveryUserCreated() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder csv = new StringBuilder("userPrincipalName,displayName\n");
		for (int i = 0; i < 1234; i++) {
			csv.append("bulk").append(i).append('-').append(tag).append("@example.org,Bulk ").append(i).append('\n');
		}
		JsonNode report = this.graph.send("POST", "/api/v1/users/import", this.app, csv.toString(), "text/csv")
			.expect(200)
			.body();
		assertThat(report.get("created").asInt()).isEqualTo(1234);
		assertThat(this.jdbc.sql("select count(*) from directory_user where upn_key like :pattern")
			.param("pattern", "bulk%-" + tag + "@example.org")
			.query(Long.class)
			.single()).isEqualTo(1234);
	}

	@Test
	void importWhenMultipartFileThenSameAsCsvBody() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String boundary = "----keyfob" + tag;
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"users.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nuserPrincipalName,displayName\r\nmulti-" + tag
				+ "@example.org,Multi\r\n\r\n--" + boundary + "--\r\n";
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.graph.baseUrl() + "/api/v1/users/import"))
				.header("Authorization", "Bearer " + this.app)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(JsonMapper.builder().build().readTree(response.body()).get("created").asInt()).isEqualTo(1);
	}

	@Test
	void importWhenHeaderMissingColumnsThenBadRequest() {
		Response response = this.graph.send("POST", "/api/v1/users/import", this.app, "name,mail\nx,y\n", "text/csv");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().path("error").path("message").asString()).contains("userPrincipalName");
	}

	@Test
	void importWhenQuoteNotClosedThenBadRequestNamingItsLineAndNothingCreated() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String csv = "\uFEFFuserPrincipalName,displayName\nfirst-" + tag + "@example.org,First\n\"open-" + tag
				+ "@example.org,Open\n";
		Response response = this.graph.send("POST", "/api/v1/users/import", this.app, csv, "text/csv");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().path("error").path("message").asString())
			.isEqualTo("Line 3: a quoted field is not closed.");
		assertThat(this.jdbc.sql("select count(*) from directory_user where upn_key like :pattern")
			.param("pattern", "%-" + tag + "@example.org")
			.query(Long.class)
			.single()).isZero();
	}

}
