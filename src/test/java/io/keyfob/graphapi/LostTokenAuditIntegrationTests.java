package io.keyfob.graphapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.TokenBlocking;
import io.keyfob.support.GraphTestClient.Client;
import io.keyfob.support.HardwareTokenHttpTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.keyfob.support.HardwareTokens.DEVICES;
import static io.keyfob.support.HardwareTokens.activatedToken;
import static io.keyfob.support.HardwareTokens.device;
import static io.keyfob.support.HardwareTokens.seed;
import static io.keyfob.support.HardwareTokens.suffix;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action on lost, stolen, broken and expired tokens leaves a {@code directoryAudit}
 * entry that says what happened: block, unblock, a validity change, a user reporting
 * their token lost, a change of the Temporary Access Pass policy, and a pass created and
 * deleted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LostTokenAuditIntegrationTests extends HardwareTokenHttpTestSupport {

	private static final String AUDITS = "/beta/auditLogs/directoryAudits";

	private final String unique = suffix().toLowerCase();

	@Autowired
	private TokenBlocking blocking;

	@Test
	void everyLostTokenActionIsADirectoryAuditEntryWithItsActivityName() {
		Client helpdesk = this.graph.registerClient("helpdesk-" + this.unique,
				Set.of("Policy.ReadWrite.AuthenticationMethod", "UserAuthenticationMethod.ReadWrite.All"));
		String agent = this.graph.clientCredentials(helpdesk.clientId(), helpdesk.secret());
		String tokenId = this.graph.post(DEVICES, this.app, device("AUL" + suffix(), seed(), null))
			.expect(201)
			.body()
			.get("id")
			.asString();
		UUID user = this.graph.createUser("lost." + this.unique + "@example.org", PASSWORD);

		this.graph.post(DEVICES + "/" + tokenId + "/block", agent, Map.of("reason", "broken")).expect(200);
		this.graph.post(DEVICES + "/" + tokenId + "/unblock", agent, null).expect(200);
		this.graph.patch(DEVICES + "/" + tokenId, agent, Map.of("validUntil", "2031-01-01T00:00:00Z")).expect(204);
		this.graph
			.patch(AccessPassPolicyController.PATH, agent,
					Map.of("state", "enabled", "minimumLifetimeInMinutes", 60, "maximumLifetimeInMinutes", 480))
			.expect(204);
		String passes = "/beta/users/" + user + "/authentication/temporaryAccessPassMethods";
		String passId = this.graph.post(passes, agent, Map.of()).expect(201).body().get("id").asString();
		this.graph.delete(passes + "/" + passId, agent).expect(204);

		assertThat(activities("initiatedBy/app/appId eq '" + helpdesk.clientId() + "'")).containsExactly(
				"Admin deleted temporary access pass method for user",
				"Admin registered temporary access pass method for user", "Update temporary access pass policy",
				"Update hardware OATH token validity", "Unblock hardware OATH token", "Block hardware OATH token");
		JsonNode validity = entries("targetResources/any(t: t/id eq '" + tokenId + "')").get(0);
		assertThat(details(validity)).contains("validUntil=2031-01-01T00:00:00Z", "previousValidUntil=");
	}

	@Test
	void userReportingTheirTokenLostIsADirectoryAuditEntryOfItsOwn() {
		UUID user = this.graph.createUser("finder." + this.unique + "@example.org", PASSWORD);
		activatedToken(this.graph, this.app, user);
		String tokenId = this.graph.get("/beta/users/" + user + "/authentication/hardwareOathMethods", this.app)
			.expect(200)
			.body()
			.get("value")
			.get(0)
			.get("id")
			.asString();

		this.blocking.reportLost(Actor.self(user, null), UUID.fromString(tokenId));

		List<String> activities = activities("targetResources/any(t: t/id eq '" + tokenId + "')");
		assertThat(activities.get(0)).isEqualTo("User reported hardware OATH token lost");
		assertThat(details(entries("targetResources/any(t: t/id eq '" + tokenId + "')").get(0)))
			.contains("blockReason=lost", "methodRemoved=true");
	}

	private List<String> activities(String filter) {
		List<String> names = new ArrayList<>();
		entries(filter).forEach((entry) -> names.add(entry.get("activityDisplayName").asString()));
		return names;
	}

	private JsonNode entries(String filter) {
		String query = "?$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
		return this.graph.get(AUDITS + query, this.graph.appToken(Set.of("AuditLog.Read.All")))
			.expect(200)
			.body()
			.get("value");
	}

	private static List<String> details(JsonNode entry) {
		List<String> details = new ArrayList<>();
		entry.get("additionalDetails")
			.forEach((detail) -> details.add(detail.get("key").asString() + "=" + detail.get("value").asString()));
		return details;
	}

}
