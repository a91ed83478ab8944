package io.keyfob.graphapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;
import io.keyfob.support.GraphTestClient.Client;
import io.keyfob.support.GraphTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit and sign-in logs through the real HTTP stack: real tokens from Keyfob's
 * authorization server, real sign-ins, each action logged once with the right actor,
 * target and request id, and the Graph endpoints filtering and paging.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AuditLogsIntegrationTests {

	static final String DEVICES = "/beta/directory/authenticationMethodDevices/hardwareOathDevices";

	static final String AUDITS = "/beta/auditLogs/directoryAudits";

	static final String SIGN_INS = "/beta/auditLogs/signIns";

	static final String SECRET = "6PJ4UKIW33NNXYZAEHQNFUFTZF7WFTFB";

	@LocalServerPort
	int port;

	GraphTestClient graph;

	@BeforeEach
	void client() {
		this.graph = GraphTestClient.forPort(this.port);
	}

	@Test
	void createDeviceWhenAppCallsThenOneEntryWithTheAppTheDeviceAndTheRequestId() {
		Client app = this.graph.registerClient("inventory loader", Set.of("Policy.ReadWrite.AuthenticationMethod"));
		String token = this.graph.clientCredentials(app.clientId(), app.secret());
		Response created = this.graph.post(DEVICES, token, device(serial())).expect(201);
		String deviceId = created.body().get("id").asString();
		String requestId = created.headers().get("request-id").get(0);

		JsonNode entries = audits("targetResources/any(t: t/id eq '" + deviceId + "')", null).body().get("value");

		assertThat(entries).hasSize(1);
		JsonNode entry = entries.get(0);
		assertThat(entry.get("activityDisplayName").asString()).isEqualTo("Add hardware OATH token");
		assertThat(entry.get("operationType").asString()).isEqualTo("Add");
		assertThat(entry.get("result").asString()).isEqualTo("success");
		assertThat(entry.get("correlationId").asString()).isEqualTo(requestId);
		assertThat(entry.get("initiatedBy").get("app").get("appId").asString()).isEqualTo(app.clientId());
		assertThat(entry.get("initiatedBy").get("app").get("displayName").asString()).isEqualTo("inventory loader");
		assertThat(entry.get("initiatedBy").get("user").isNull()).isTrue();
		assertThat(entry.get("targetResources").get(0).get("id").asString()).isEqualTo(deviceId);
		assertThat(entry.get("targetResources").get(0).get("type").asString()).isEqualTo("Device");
		assertThat(entry.toString()).doesNotContain(SECRET);
	}

	@Test
	void createUserWhenAdminSignedInThenEntryNamesTheAdminAndTheNewUser() {
		String token = this.graph.delegatedToken(GraphTestClient.ADMIN_UPN, GraphTestClient.ADMIN_PASSWORD,
				Set.of("User.ReadWrite.All", "User.Read"));
		String adminId = this.graph.get("/beta/me", token).expect(200).body().get("id").asString();
		String upn = "audited-" + UUID.randomUUID() + "@keyfob.test";
		Response created = this.graph.post("/beta/users", token, Map.of("userPrincipalName", upn, "displayName",
				"Audited", "accountEnabled", true, "passwordProfile", Map.of("password", "Audited-password-123")));
		String userId = created.expect(201).body().get("id").asString();

		JsonNode entries = audits("targetResources/any(t: t/id eq '" + userId + "')", null).body().get("value");

		assertThat(entries).hasSize(1);
		JsonNode user = entries.get(0).get("initiatedBy").get("user");
		assertThat(entries.get(0).get("activityDisplayName").asString()).isEqualTo("Add user");
		assertThat(user.get("id").asString()).isEqualTo(adminId);
		assertThat(user.get("userPrincipalName").asString()).isEqualTo(GraphTestClient.ADMIN_UPN);
		assertThat(user.get("ipAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(entries.get(0).get("targetResources").get(0).get("displayName").asString()).isEqualTo(upn);
		assertThat(entries.get(0).get("correlationId").asString())
			.isEqualTo(created.headers().get("request-id").get(0));
	}

	@Test
	void assignWhenAdminSignedInThenOneEntryNamingTheAdminTheUserAndTheToken() {
		HardwareTokens.enableForAllUsers(this.graph, this.graph.bootstrapToken());
		UUID user = this.graph.createUser("holder-" + UUID.randomUUID() + "@keyfob.test", null);
		String deviceId = this.graph
			.post(DEVICES, this.graph.bootstrapToken(), HardwareTokens.device(serial(), HardwareTokens.seed(), null))
			.expect(201)
			.body()
			.get("id")
			.asString();
		String admin = this.graph.delegatedToken(GraphTestClient.ADMIN_UPN, GraphTestClient.ADMIN_PASSWORD,
				Set.of("UserAuthenticationMethod.ReadWrite.All", "User.Read"));
		String adminId = this.graph.get("/beta/me", admin).expect(200).body().get("id").asString();
		this.graph
			.post("/beta/users/" + user + "/authentication/hardwareOathMethods", admin,
					Map.of("device", Map.of("id", deviceId)))
			.expect(201);

		JsonNode entries = audits("targetResources/any(t: t/id eq '" + deviceId + "')", null).body().get("value");

		assertThat(entries).extracting((entry) -> entry.get("activityDisplayName").asString())
			.containsExactly("Assign hardware OATH token", "Add hardware OATH token");
		JsonNode assign = entries.get(0);
		assertThat(assign.get("initiatedBy").get("user").get("id").asString()).isEqualTo(adminId);
		assertThat(assign.get("initiatedBy").get("user").get("userPrincipalName").asString())
			.isEqualTo(GraphTestClient.ADMIN_UPN);
		List<String> targets = new ArrayList<>();
		assign.get("targetResources").forEach((target) -> targets.add(target.get("id").asString()));
		assertThat(targets).containsExactly(user.toString(), deviceId);
		assertThat(entries.get(1).get("initiatedBy").get("app").get("appId").asString())
			.isEqualTo(GraphTestClient.BOOTSTRAP_CLIENT_ID);
	}

	@Test
	void signInsWhenPasswordRightAndWrongThenOneEntryEachWithResult() {
		String upn = "signer-" + UUID.randomUUID() + "@keyfob.test";
		UUID userId = this.graph.createUser(upn, "Signer-password-123");
		this.graph.delegatedToken(upn, "Signer-password-123", Set.of("User.Read"));
		assertThatThrownBy(() -> this.graph.signIn(upn, "Wrong-password-123", Set.of("User.Read")))
			.isInstanceOf(IllegalStateException.class);

		JsonNode succeeded = signIns("userId eq '" + userId + "'").get("value");
		assertThat(succeeded).hasSize(1);
		assertThat(succeeded.get(0).get("userPrincipalName").asString()).isEqualTo(upn);
		assertThat(succeeded.get(0).get("status").get("errorCode").asInt()).isZero();
		assertThat(succeeded.get(0).get("ipAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(succeeded.get(0).get("authenticationDetails").get(0).get("authenticationMethod").asString())
			.isEqualTo("Password");

		JsonNode failed = signIns("userPrincipalName eq '" + upn + "' and status/errorCode ne 0").get("value");
		assertThat(failed).hasSize(1);
		assertThat(failed.get(0).get("status").get("errorCode").asInt()).isEqualTo(50126);
		assertThat(failed.get(0).get("status").get("failureReason").asString()).doesNotContain("Wrong-password");
		assertThat(failed.toString()).doesNotContain("Wrong-password-123");
	}

	@Test
	void signInsWhenPasswordGuessedUntilThrottledThenEveryAttemptLogged() {
		String upn = "guessed-" + UUID.randomUUID() + "@keyfob.test";
		this.graph.createUser(upn, "Guessed-password-123");
		for (int i = 0; i < 8; i++) {
			int attempt = i;
			assertThatThrownBy(() -> this.graph.signIn(upn, "Wrong-" + attempt, Set.of("User.Read")))
				.isInstanceOf(IllegalStateException.class);
		}
		JsonNode failed = signIns("userPrincipalName eq '" + upn + "'").get("value");
		assertThat(failed).hasSize(8);
		assertThat(failed.findValues("errorCode")).extracting(JsonNode::asInt).contains(50126, 50053);
	}

	@Test
	void seedImportWhenFileStoredThenOneImportEntryByTheAppAndOneEntryPerToken() throws Exception {
		Client app = this.graph.registerClient("seed loader", Set.of("Policy.ReadWrite.AuthenticationMethod"));
		String token = this.graph.clientCredentials(app.clientId(), app.secret());
		String serial = serial();
		String file = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fobs.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nserial number,secret key,time interval,manufacturer,model\n" + serial
				+ ",GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,Acme,A1\n\r\n--b--\r\n";
		String jobId = this.graph.send("POST", "/api/v1/seed-imports", token, file, "multipart/form-data; boundary=b")
			.expect(202)
			.body()
			.get("id")
			.asString();
		JsonNode entries = null;
		for (int i = 0; i < 100 && (entries == null || entries.isEmpty()); i++) {
			Thread.sleep(100);
			entries = audits("targetResources/any(t: t/id eq '" + jobId + "')", null).body().get("value");
		}
		assertThat(entries).hasSize(1);
		JsonNode entry = entries.get(0);
		assertThat(entry.get("activityDisplayName").asString()).isEqualTo("Import hardware OATH tokens");
		assertThat(entry.get("initiatedBy").get("app").get("appId").asString()).isEqualTo(app.clientId());
		Map<String, String> details = new LinkedHashMap<>();
		entry.get("additionalDetails")
			.forEach((detail) -> details.put(detail.get("key").asString(), detail.get("value").asString()));
		assertThat(details).containsEntry("created", "1").containsEntry("fileName", "fobs.csv");
		assertThat(entry.toString()).doesNotContain("GEZDGNBVGY3TQOJQ");
		String deviceId = this.graph
			.get(DEVICES + "?$filter=" + encode("serialNumber eq '" + serial + "'"), this.graph.bootstrapToken())
			.expect(200)
			.body()
			.get("value")
			.get(0)
			.get("id")
			.asString();
		assertThat(audits("targetResources/any(t: t/id eq '" + deviceId + "')", null).body().get("value")).hasSize(1);
	}

	@Test
	void directoryAuditsWhenPagedWithTopThenEveryEntryOnceNewestFirst() {
		Client app = this.graph.registerClient("pager", Set.of("Policy.ReadWrite.AuthenticationMethod"));
		String token = this.graph.clientCredentials(app.clientId(), app.secret());
		for (int i = 0; i < 5; i++) {
			this.graph.post(DEVICES, token, device(serial())).expect(201);
		}
		String filter = "initiatedBy/app/appId eq '" + app.clientId() + "'";
		List<String> paged = new ArrayList<>();
		List<String> times = new ArrayList<>();
		Response page = audits(filter, 2);
		int pages = 1;
		while (true) {
			assertThat(page.body().get("value").size()).isLessThanOrEqualTo(2);
			page.body().get("value").forEach((entry) -> {
				paged.add(entry.get("id").asString());
				times.add(entry.get("activityDateTime").asString());
			});
			JsonNode next = page.body().get("@odata.nextLink");
			if (next == null || next.isNull()) {
				break;
			}
			page = this.graph.get(next.asString().substring(this.graph.baseUrl().length()), reader()).expect(200);
			pages++;
		}
		assertThat(paged).hasSize(5).doesNotHaveDuplicates();
		assertThat(pages).isEqualTo(3);
		assertThat(times.stream().map(Instant::parse).toList()).isSortedAccordingTo((a, b) -> b.compareTo(a));
		List<String> whole = new ArrayList<>();
		audits(filter, 999).body().get("value").forEach((entry) -> whole.add(entry.get("id").asString()));
		assertThat(paged).isEqualTo(whole);
	}

	@Test
	void directoryAuditsWhenTimeRangeThenOnlyEntriesWithin() {
		String token = this.graph.bootstrapToken();
		this.graph.post(DEVICES, token, device(serial())).expect(201);
		Instant between = Instant.now();
		String later = this.graph.post(DEVICES, token, device(serial())).expect(201).body().get("id").asString();
		JsonNode after = audits("activityDateTime ge " + between + " and initiatedBy/app/appId eq '"
				+ GraphTestClient.BOOTSTRAP_CLIENT_ID + "' and result eq 'success'", 999)
			.body()
			.get("value");
		assertThat(after).isNotEmpty();
		after.forEach((entry) -> assertThat(Instant.parse(entry.get("activityDateTime").asString()))
			.isAfterOrEqualTo(between));
		assertThat(after.toString()).contains(later);
		JsonNode before = audits(
				"activityDateTime le " + between + " and activityDateTime ge " + between.minusSeconds(3600), 999)
			.body()
			.get("value");
		assertThat(before.toString()).doesNotContain(later);
		assertThat(audits("result eq 'failure' and targetResources/any(t: t/id eq '" + later + "')", null).body()
			.get("value")).isEmpty();
	}

	@Test
	void directoryAuditsWhenFilterMalformedThen400WithMessage() {
		Response response = this.graph.get(AUDITS + "?$filter=" + encode("secretKey eq 'x'"), reader());
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("error").get("message").asString()).startsWith(
				"$filter: unknown property 'secretKey' at position 1; filterable properties are activityDateTime,");
		Response contains = this.graph.get(AUDITS + "?$filter=" + encode("contains(activity,'x')"), reader());
		assertThat(contains.status()).isEqualTo(400);
		assertThat(contains.body().get("error").get("message").asString()).contains("the function 'contains'");
		assertThat(this.graph
			.get(AUDITS + "?$filter="
					+ encode("(result eq 'success' or result eq 'failure') and activityDateTime "
							+ "ge 2020-01-01T00:00:00Z and not_a_field ne null"),
					reader())
			.status()).isEqualTo(400);
		assertThat(this.graph
			.get(AUDITS + "?$filter="
					+ encode("(result eq 'success' or result eq 'failure') and activityDateTime "
							+ "ge 2020-01-01T00:00:00Z"),
					reader())
			.status()).isEqualTo(200);
		assertThat(this.graph.get(AUDITS + "?$top=0", reader()).status()).isEqualTo(400);
		assertThat(this.graph.get(AUDITS + "?$skiptoken=nonsense", reader()).status()).isEqualTo(400);
		assertThat(this.graph.get(AUDITS + "/" + UUID.randomUUID(), reader()).status()).isEqualTo(404);
	}

	@Test
	void auditLogsWhenCallerLacksAuditLogReadAllThen401Or403() {
		assertThat(this.graph.get(AUDITS, null).status()).isEqualTo(401);
		String other = this.graph.appToken(Set.of("Policy.Read.All"));
		Response denied = this.graph.get(SIGN_INS, other);
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.errorCode()).isEqualTo("Authorization_RequestDenied");
	}

	private Response audits(String filter, Integer top) {
		String query = "?$filter=" + encode(filter) + ((top != null) ? "&$top=" + top : "");
		return this.graph.get(AUDITS + query, reader()).expect(200);
	}

	private JsonNode signIns(String filter) {
		return this.graph.get(SIGN_INS + "?$filter=" + encode(filter), reader()).expect(200).body();
	}

	private String reader() {
		return this.graph.appToken(Set.of("AuditLog.Read.All"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String serial() {
		return "AUD-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static Map<String, Object> device(String serial) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("serialNumber", serial);
		body.put("manufacturer", "Feitian");
		body.put("model", "c200");
		body.put("secretKey", SECRET);
		body.put("timeIntervalInSeconds", 30);
		return body;
	}

}
