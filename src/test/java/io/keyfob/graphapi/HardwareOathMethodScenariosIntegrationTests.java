package io.keyfob.graphapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.DirectoryRole;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.GraphTestClient.Response;
import io.keyfob.support.HardwareTokenHttpTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.keyfob.support.HardwareTokens.DEVICES;
import static io.keyfob.support.HardwareTokens.code;
import static io.keyfob.support.HardwareTokens.device;
import static io.keyfob.support.HardwareTokens.seed;
import static io.keyfob.support.HardwareTokens.suffix;
import static io.keyfob.support.HardwareTokens.wrongCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three scenarios of docs/api.md over real HTTP with real tokens, and the rules of
 * the user-method endpoints: permissions, the admin-target rule, what a user claiming a
 * token can learn, and the error envelope. Codes come from {@code TokenDisplay}, computed
 * from the seeds this test uploads.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HardwareOathMethodScenariosIntegrationTests extends HardwareTokenHttpTestSupport {

	/**
	 * the Graph scenario 1 of docs/api.md: the admin creates the token assigned to the
	 * user and activates it.
	 */
	@Test
	void scenarioWhenAdminCreatesAssignsAndActivatesThenUserHoldsActivatedToken() {
		UUID user = newUser("amy");
		byte[] seed = seed();
		Response created = this.graph.post(DEVICES, this.app, device("GALT" + suffix(), seed, user)).expect(201);
		String tokenId = created.body().get("id").asString();
		assertThat(created.body().get("status").asString()).isEqualTo("assigned");
		assertThat(created.body().path("assignedTo").path("id").asString()).isEqualTo(user.toString());

		this.graph
			.post("/beta/users/" + user + "/authentication/hardwareOathMethods/" + tokenId + "/activate", this.app,
					Map.of("verificationCode", code(seed, 0)))
			.expect(204);

		JsonNode methods = this.graph.get("/beta/users/" + user + "/authentication/hardwareOathMethods", this.app)
			.expect(200)
			.body();
		assertThat(methods.get("@odata.context").asString())
			.endsWith("/beta/$metadata#users('" + user + "')/authentication/hardwareOathMethods");
		JsonNode method = methods.get("value").get(0);
		assertThat(method.get("@odata.type").asString()).isEqualTo("#microsoft.graph.hardwareOathAuthenticationMethod");
		assertThat(method.get("id").asString()).isEqualTo(tokenId);
		assertThat(method.path("device").get("status").asString()).isEqualTo("activated");
		assertThat(method.path("device").get("secretKey").isNull()).isTrue();
		assertThat(method.path("device").path("assignedTo").get("displayName").asString()).startsWith("amy.");

		this.graph.delete("/beta/users/" + user + "/authentication/hardwareoathmethods/" + tokenId, this.app)
			.expect(204);
		assertThat(this.graph.get(DEVICES + "/" + tokenId, this.app).expect(200).body().get("status").asString())
			.isEqualTo("available");
		this.graph.delete(DEVICES + "/" + tokenId, this.app).expect(204);
	}

	@Test
	void reassignWhenTokenWasUsedThenNewHolderSeesNoLastUse() {
		UUID first = newUser("dora");
		UUID second = newUser("emil");
		byte[] seed = seed();
		String tokenId = this.graph.post(DEVICES, this.app, device("LU" + suffix(), seed, first))
			.expect(201)
			.body()
			.get("id")
			.asString();
		String firstMethod = "/beta/users/" + first + "/authentication/hardwareOathMethods/" + tokenId;
		this.graph.post(firstMethod + "/activate", this.app, Map.of("verificationCode", code(seed, 0))).expect(204);
		assertThat(this.graph.get(firstMethod, this.app).expect(200).body().get("lastUsedDateTime").isNull())
			.as("used by the first holder")
			.isFalse();

		this.graph.delete(firstMethod, this.app).expect(204);
		this.graph
			.post("/beta/users/" + second + "/authentication/hardwareOathMethods", this.app,
					Map.of("device", Map.of("id", tokenId)))
			.expect(201);

		JsonNode method = this.graph
			.get("/beta/users/" + second + "/authentication/hardwareOathMethods/" + tokenId, this.app)
			.expect(200)
			.body();
		assertThat(method.get("lastUsedDateTime").isNull()).isTrue();
		assertThat(method.path("device").get("lastUsedDateTime").isNull()).isTrue();
	}

	@Test
	void listMethodsWhenFilterTopSelectCountAndExpandThenAnsweredAsAsked() {
		UUID user = newUser("finn");
		String prefix = "MQ" + suffix();
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(this.graph.post(DEVICES, this.app, device(prefix + i, seed(), user))
				.expect(201)
				.body()
				.get("id")
				.asString());
		}
		String methods = "/beta/users/" + user + "/authentication/hardwareOathMethods";

		JsonNode bySerial = this.graph
			.get(methods + "?$filter=" + encode("device/serialNumber eq '" + prefix + "1'") + "&$count=true", this.app)
			.expect(200)
			.body();
		assertThat(bySerial.get("@odata.count").asInt()).isEqualTo(1);
		assertThat(bySerial.get("value").get(0).get("id").asString()).isEqualTo(ids.get(1));

		JsonNode byId = this.graph
			.get(methods + "?filter=" + encode("id eq '" + ids.get(2) + "'") + "&select=id&expand=device", this.app)
			.expect(200)
			.body()
			.get("value");
		assertThat(byId.size()).isEqualTo(1);
		assertThat(byId.get(0).propertyNames()).containsExactly("id", "device");
		assertThat(byId.get(0).path("device").get("serialNumber").asString()).isEqualTo(prefix + "2");

		JsonNode top = this.graph
			.get(methods + "?$top=2&$count=true&$filter="
					+ encode("startswith(device/serialNumber,'" + prefix + "') and device/status eq 'assigned'"),
					this.app)
			.expect(200)
			.body();
		assertThat(top.get("@odata.count").asInt()).isEqualTo(3);
		assertThat(top.get("value").size()).isEqualTo(2);

		assertThat(this.graph
			.get(methods + "/$count?$filter=" + encode("device/serialNumber ne '" + prefix + "0'"), this.app)
			.expect(200)
			.body()
			.asInt()).isEqualTo(2);
		JsonNode all = this.graph
			.get("/beta/users/" + user + "/authentication/methods?$count=true&$select=id", this.app)
			.expect(200)
			.body();
		assertThat(all.get("@odata.count").asInt()).isEqualTo(4);
		assertThat(this.graph
			.get("/beta/users/" + user + "/authentication/methods/$count?$filter="
					+ encode("startswith(device/serialNumber,'" + prefix + "')"), this.app)
			.expect(200)
			.body()
			.asInt()).isEqualTo(3);

		Response unknown = this.graph.get(methods + "?$filter=" + encode("device/colour eq 'red'"), this.app);
		unknown.expect(400);
		assertThat(unknown.body().path("error").get("message").asString())
			.startsWith("$filter: unknown property 'device/colour' at position 1");
		Response expand = this.graph.get(methods + "?$expand=policy", this.app);
		expand.expect(400);
		assertThat(expand.body().path("error").get("message").asString()).contains("'policy'");
		Response orderBy = this.graph.get(methods + "?$orderby=id", this.app);
		orderBy.expect(400);
		assertThat(orderBy.body().path("error").get("message").asString()).contains("$orderby");
	}

	/**
	 * the Graph scenario 2 of docs/api.md: an Authentication Administrator assigns, the
	 * user activates.
	 */
	@Test
	void scenarioWhenAdminAssignsThenUserActivatesThroughMe() {
		UUID helpdesk = newUser("helpdesk");
		this.graph.assignRole(helpdesk, DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
		UUID user = newUser("ben");
		byte[] seed = seed();
		String tokenId = this.graph.post(DEVICES, this.app, device("TOTP" + suffix(), seed, null))
			.expect(201)
			.body()
			.get("id")
			.asString();

		String admin = delegated("helpdesk", "UserAuthenticationMethod.ReadWrite.All");
		Response assigned = this.graph
			.post("/beta/users/" + user + "/authentication/hardwareOathMethods", admin,
					Map.of("device", Map.of("id", tokenId)))
			.expect(201);
		assertThat(assigned.body().get("id").asString()).isEqualTo(tokenId);
		assertThat(assigned.body().get("createdDateTime").isNull()).isFalse();

		String ben = delegated("ben", "UserAuthenticationMethod.ReadWrite");
		JsonNode mine = this.graph.get("/beta/me/authentication/hardwareOathMethods", ben).expect(200).body();
		String methodId = mine.get("value").get(0).get("id").asString();
		assertThat(mine.get("value").get(0).path("device").get("status").asString()).isEqualTo("assigned");
		this.graph
			.post("/beta/me/authentication/hardwareOathMethods/" + methodId + "/activate", ben,
					Map.of("verificationCode", code(seed, 0), "displayName", "Ben's token"))
			.expect(204);
		JsonNode device = this.graph.get("/beta/me/authentication/hardwareOathMethods/" + methodId, ben)
			.expect(200)
			.body()
			.get("device");
		assertThat(device.get("status").asString()).isEqualTo("activated");
		assertThat(device.get("displayName").asString()).isEqualTo("Ben's token");
	}

	/**
	 * the Graph scenario 3 of docs/api.md: bulk upload, then the user claims by serial
	 * number and code.
	 */
	@Test
	void scenarioWhenTokensUploadedInBulkThenUserClaimsOneBySerialNumber() {
		UUID user = newUser("cleo");
		byte[] seed = seed();
		String serial = "FT" + suffix();
		Response upload = this.graph.patch(DEVICES, this.app,
				Map.of("@context", "#$delta", "value", List.of(withContentId(device(serial, seed, null), "1"),
						withContentId(device("FT" + suffix(), seed(), null), "2"))))
			.expect(200);
		assertThat(upload.body().get("value")).hasSize(2);

		String cleo = delegated("cleo", "UserAuthenticationMethod.ReadWrite");
		this.graph
			.post("/beta/me/authentication/hardwareOathMethods/assignAndActivateBySerialNumber", cleo,
					Map.of("verificationCode", code(seed, 0), "serialNumber", serial, "displayName", "Cleo's fob"))
			.expect(204);
		JsonNode all = this.graph.get("/beta/users/" + user + "/authentication/methods", this.app).expect(200).body();
		assertThat(all.get("value")).extracting((m) -> m.get("@odata.type").asString())
			.containsExactly("#microsoft.graph.passwordAuthenticationMethod",
					"#microsoft.graph.hardwareOathAuthenticationMethod");
		assertThat(all.get("value").get(1).path("device").get("serialNumber").asString()).isEqualTo(serial);
		assertThat(all.get("value").get(1).path("device").get("status").asString()).isEqualTo("activated");
	}

	@Test
	void claimWhenSerialUnknownOrHeldBySomeoneElseThenUserGetsTheSameAnswer() {
		newUser("dana");
		UUID owner = newUser("owner");
		byte[] seed = seed();
		String serial = "HELD" + suffix();
		this.graph.post(DEVICES, this.app, device(serial, seed, owner)).expect(201);
		String dana = delegated("dana", "UserAuthenticationMethod.ReadWrite");
		String path = "/beta/me/authentication/hardwareOathMethods/assignAndActivateBySerialNumber";
		Response held = this.graph.post(path, dana, Map.of("verificationCode", code(seed, 0), "serialNumber", serial))
			.expect(404);
		Response unknown = this.graph
			.post(path, dana, Map.of("verificationCode", "123456", "serialNumber", "NOPE" + suffix()))
			.expect(404);
		assertThat(held.errorCode()).isEqualTo(unknown.errorCode()).isEqualTo("serialNumberNotFound");
		assertThat(held.body().path("error").get("message").asString())
			.isEqualTo(unknown.body().path("error").get("message").asString())
			.doesNotContain(owner.toString());
	}

	@Test
	void assignWhenAuthenticationAdministratorTargetsAnAdminThenForbiddenAndPrivilegedSucceeds() {
		UUID helpdesk = newUser("aa");
		this.graph.assignRole(helpdesk, DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
		UUID privileged = newUser("paa");
		this.graph.assignRole(privileged, DirectoryRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR);
		UUID adminUser = newUser("policyadmin");
		this.graph.assignRole(adminUser, DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR);
		String tokenId = this.graph.post(DEVICES, this.app, device("ADM" + suffix(), seed(), null))
			.expect(201)
			.body()
			.get("id")
			.asString();
		Map<String, Object> body = Map.of("device", Map.of("id", tokenId));
		String path = "/beta/users/" + adminUser + "/authentication/hardwareOathMethods";
		Response denied = this.graph.post(path, delegated("aa", "UserAuthenticationMethod.ReadWrite.All"), body)
			.expect(403);
		assertThat(denied.errorCode()).isEqualTo("Authorization_RequestDenied");
		assertThat(this.graph.get(DEVICES + "/" + tokenId, this.app).body().get("status").asString())
			.isEqualTo("available");
		this.graph.post(path, delegated("paa", "UserAuthenticationMethod.ReadWrite.All"), body).expect(201);
	}

	@Test
	void meWhenCalledWithAnAppTokenThenBadRequest() {
		assertThat(this.graph.get("/beta/me/authentication/hardwareOathMethods", this.app).expect(400).errorCode())
			.isEqualTo("BadRequest");
	}

	@Test
	void writeWhenDelegatedTokenOnlyReadsThenForbidden() {
		newUser("eve");
		String reader = delegated("eve", "UserAuthenticationMethod.Read");
		this.graph.get("/beta/me/authentication/hardwareOathMethods", reader).expect(200);
		assertThat(this.graph
			.post("/beta/me/authentication/hardwareOathMethods", reader,
					Map.of("device", Map.of("id", UUID.randomUUID())))
			.expect(403)
			.errorCode()).isEqualTo("Authorization_RequestDenied");
		assertThat(this.graph.get("/beta/users/" + UUID.randomUUID() + "/authentication/hardwareOathMethods", reader)
			.expect(403)
			.errorCode()).isEqualTo("Authorization_RequestDenied");
	}

	@Test
	void activateWhenCodeWrongThenInvalidVerificationCodeAndFailedActivation() {
		UUID user = newUser("finn");
		byte[] seed = seed();
		String tokenId = this.graph.post(DEVICES, this.app, device("W" + suffix(), seed, user))
			.expect(201)
			.body()
			.get("id")
			.asString();
		String activate = "/beta/users/" + user + "/authentication/hardwareOathMethods/" + tokenId + "/activate";
		String wrong = wrongCode(seed);
		Response refused = this.graph.post(activate, this.app, Map.of("verificationCode", wrong)).expect(400);
		assertThat(refused.errorCode()).isEqualTo("invalidVerificationCode");
		assertThat(refused.body().toString()).doesNotContain(wrong);
		assertThat(refused.body().path("error").path("innerError").has("request-id")).isTrue();
		assertThat(this.graph.get(DEVICES + "/" + tokenId, this.app).body().get("status").asString())
			.isEqualTo("failedActivation");
		this.graph.post(activate, this.app, Map.of("verificationCode", code(seed, 0))).expect(204);
	}

	@Test
	void assignByReferenceWhenPutThenNoContentAndAssigned() {
		UUID user = newUser("gus");
		String tokenId = this.graph.post(DEVICES, this.app, device("REF" + suffix(), seed(), null))
			.expect(201)
			.body()
			.get("id")
			.asString();
		this.graph
			.send("PUT",
					"/beta/users/" + user + "/authentication/hardwareOathMethods/" + tokenId + "/device/assignTo/$ref",
					this.app, Map.of("@odata.id", "https://graph.microsoft.com/beta/users/" + user))
			.expect(204);
		assertThat(this.graph.get(DEVICES + "/" + tokenId, this.app).body().path("assignedTo").get("id").asString())
			.isEqualTo(user.toString());
	}

	@Test
	void assignWhenLimitReachedThenMethodLimitReached() {
		UUID user = newUser("hal");
		for (int i = 0; i < 5; i++) {
			this.graph.post(DEVICES, this.app, device("LIM" + suffix(), seed(), user)).expect(201);
		}
		Response sixth = this.graph.post(DEVICES, this.app, device("LIM" + suffix(), seed(), user)).expect(400);
		assertThat(sixth.errorCode()).isEqualTo("methodLimitReached");
	}

	@Test
	void activateWhenLockedThenTooManyRequestsWithRetryAfter() {
		UUID user = newUser("ivy");
		byte[] seed = seed();
		String tokenId = this.graph.post(DEVICES, this.app, device("LCK" + suffix(), seed, user))
			.expect(201)
			.body()
			.get("id")
			.asString();
		String activate = "/beta/users/" + user + "/authentication/hardwareOathMethods/" + tokenId + "/activate";
		for (int i = 0; i < 5; i++) {
			this.graph.post(activate, this.app, Map.of("verificationCode", String.format("%06d", 100000 + i)));
		}
		Response locked = this.graph.post(activate, this.app, Map.of("verificationCode", code(seed, 0))).expect(429);
		assertThat(locked.errorCode()).isEqualTo("methodLocked");
		assertThat(Integer.parseInt(locked.headers().get("retry-after").get(0))).isBetween(1, 31);
	}

	private UUID newUser(String name) {
		return this.graph.createUser(name + "." + this.unique + "@example.org", PASSWORD);
	}

	private final String unique = suffix();

	private String delegated(String name, String scope) {
		return this.graph.delegatedToken(name + "." + this.unique + "@example.org", PASSWORD, Set.of(scope));
	}

	private static Map<String, Object> withContentId(Map<String, Object> device, String contentId) {
		Map<String, Object> item = new java.util.LinkedHashMap<>(device);
		item.put("@contentId", contentId);
		return item;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
