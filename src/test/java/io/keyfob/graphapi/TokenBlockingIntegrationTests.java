package io.keyfob.graphapi;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.DirectoryRole;
import io.keyfob.support.GraphTestClient.Response;
import io.keyfob.support.HardwareTokenHttpTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.keyfob.support.HardwareTokens.DEVICES;
import static io.keyfob.support.HardwareTokens.activatedToken;
import static io.keyfob.support.HardwareTokens.code;
import static io.keyfob.support.HardwareTokens.device;
import static io.keyfob.support.HardwareTokens.seed;
import static io.keyfob.support.HardwareTokens.suffix;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lost and stolen tokens over the Graph API: the helpdesk blocks a held token with a
 * reason, the holder loses the method, nobody can claim, assign or use the token, and
 * only a policy administrator unblocks it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TokenBlockingIntegrationTests extends HardwareTokenHttpTestSupport {

	private final String unique = suffix().toLowerCase();

	@Test
	void blockWhenHelpdeskReportsStolenTokenThenHolderLosesItAndNobodyCanClaimIt() {
		UUID helpdesk = newUser("helpdesk");
		this.graph.assignRole(helpdesk, DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
		UUID holder = newUser("holder");
		byte[] seed = activatedToken(this.graph, this.app, holder);
		String tokenId = methods(holder).get(0).get("id").asString();
		String serial = methods(holder).get(0).path("device").get("serialNumber").asString();
		String agent = delegated("helpdesk", "UserAuthenticationMethod.ReadWrite.All");

		JsonNode blocked = this.graph.post(DEVICES + "/" + tokenId + "/block", agent, Map.of("reason", "stolen"))
			.expect(200)
			.body();

		assertThat(blocked.get("status").asString()).isEqualTo("blocked");
		assertThat(blocked.get("blockReason").asString()).isEqualTo("stolen");
		assertThat(blocked.path("blockedBy").path("user").get("id").asString()).isEqualTo(helpdesk.toString());
		assertThat(blocked.get("blockedDateTime").isNull()).isFalse();
		assertThat(blocked.get("assignedTo").isNull()).isTrue();
		assertThat(methods(holder)).isEmpty();

		newUser("finder");
		String finder = delegated("finder", "UserAuthenticationMethod.ReadWrite");
		Response claim = this.graph
			.post("/beta/me/authentication/hardwareOathMethods/assignAndActivateBySerialNumber", finder,
					Map.of("verificationCode", code(seed, 0), "serialNumber", serial))
			.expect(409);
		assertThat(claim.errorCode()).isEqualTo("tokenBlocked");
		Response assign = this.graph
			.post("/beta/users/" + holder + "/authentication/hardwareOathMethods", this.app,
					Map.of("device", Map.of("id", tokenId)))
			.expect(409);
		assertThat(assign.errorCode()).isEqualTo("tokenBlocked");
		assertThat(this.graph.post(DEVICES + "/" + tokenId + "/block", agent, Map.of("reason", "lost"))
			.expect(409)
			.errorCode()).isEqualTo("tokenBlocked");
	}

	@Test
	void unblockWhenPolicyAdministratorThenAvailableAndHelpdeskMayNot() {
		String tokenId = this.graph.post(DEVICES, this.app, device("BLK" + suffix(), seed(), null))
			.expect(201)
			.body()
			.get("id")
			.asString();
		UUID helpdesk = newUser("agent");
		this.graph.assignRole(helpdesk, DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
		UUID policyAdmin = newUser("policy");
		this.graph.assignRole(policyAdmin, DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR);
		this.graph.post(DEVICES + "/" + tokenId + "/block", this.app, Map.of("reason", "broken")).expect(200);

		String agent = delegated("agent", "UserAuthenticationMethod.ReadWrite.All");
		this.graph.post(DEVICES + "/" + tokenId + "/unblock", agent, null).expect(403);
		String policy = delegated("policy", "Policy.ReadWrite.AuthenticationMethod");
		JsonNode available = this.graph.post(DEVICES + "/" + tokenId + "/unblock", policy, null).expect(200).body();

		assertThat(available.get("status").asString()).isEqualTo("available");
		assertThat(available.get("blockReason").isNull()).isTrue();
		assertThat(this.graph.post(DEVICES + "/" + tokenId + "/unblock", policy, null).expect(409).errorCode())
			.isEqualTo("tokenNotBlocked");
	}

	@Test
	void blockWhenReasonMissingOrUnknownThen400AndNothingChanges() {
		String tokenId = this.graph.post(DEVICES, this.app, device("BLR" + suffix(), seed(), null))
			.expect(201)
			.body()
			.get("id")
			.asString();

		Response unknown = this.graph.post(DEVICES + "/" + tokenId + "/block", this.app, Map.of("reason", "eaten"))
			.expect(400);
		this.graph.post(DEVICES + "/" + tokenId + "/block", this.app, Map.of()).expect(400);

		assertThat(unknown.body().path("error").get("message").asString())
			.contains("reason: 'eaten' is not allowed: use lost, stolen, broken or retired");
		assertThat(this.graph.get(DEVICES + "/" + tokenId, this.app).expect(200).body().get("status").asString())
			.isEqualTo("available");
	}

	@Test
	void blockWhenHelpdeskAndHolderIsAnAdminThenDenied() {
		UUID helpdesk = newUser("desk");
		this.graph.assignRole(helpdesk, DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
		UUID admin = newUser("admin");
		this.graph.assignRole(admin, DirectoryRole.GLOBAL_READER);
		activatedToken(this.graph, this.app, admin);
		String tokenId = methods(admin).get(0).get("id").asString();

		String agent = delegated("desk", "UserAuthenticationMethod.ReadWrite.All");
		Response denied = this.graph.post(DEVICES + "/" + tokenId + "/block", agent, Map.of("reason", "lost"))
			.expect(403);

		assertThat(denied.errorCode()).isEqualTo("Authorization_RequestDenied");
		assertThat(methods(admin)).hasSize(1);
	}

	private JsonNode methods(UUID user) {
		return this.graph.get("/beta/users/" + user + "/authentication/hardwareOathMethods", this.app)
			.expect(200)
			.body()
			.get("value");
	}

	private UUID newUser(String name) {
		return this.graph.createUser(name + "." + this.unique + "@example.org", PASSWORD);
	}

	private String delegated(String name, String scope) {
		return this.graph.delegatedToken(name + "." + this.unique + "@example.org", PASSWORD, Set.of(scope));
	}

}
