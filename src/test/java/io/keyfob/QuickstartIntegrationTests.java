package io.keyfob;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.DirectoryRole;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.GraphTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when" of the directory issue, over real HTTP: an app token from the bootstrap
 * client, users and a group, members, the Authentication Policy Administrator role, then
 * the user signs in through keyfob-cli's authorization code flow with PKCE and calls
 * {@code /beta/me}. docs/examples/quickstart.sh does the same with curl.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class QuickstartIntegrationTests {

	@LocalServerPort
	int port;

	GraphTestClient graph;

	@BeforeEach
	void client() {
		this.graph = GraphTestClient.forPort(this.port);
	}

	@Test
	void quickstartWhenFollowedThenUserSignsInAndReadsMe() {
		String app = this.graph.bootstrapToken();
		String upn = "amy." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Response amy = this.graph.post("/beta/users", app,
				Map.of("accountEnabled", true, "displayName", "Amy Masters", "mailNickname", "amy", "userPrincipalName",
						upn, "passwordProfile",
						Map.of("forceChangePasswordNextSignIn", false, "password", "Correct-horse-1")));
		amy.expect(201);
		assertThat(amy.body().get("@odata.context").asString()).endsWith("/beta/$metadata#users/$entity");
		assertThat(amy.body().has("passwordProfile")).isFalse();
		String amyId = amy.body().get("id").asString();
		UUID bob = this.graph.createUser("bob." + UUID.randomUUID().toString().substring(0, 8) + "@example.org", null);

		Response group = this.graph.post("/beta/groups", app,
				Map.of("displayName", "Token pilots", "mailEnabled", false, "securityEnabled", true));
		group.expect(201);
		String groupId = group.body().get("id").asString();
		this.graph
			.post("/beta/groups/" + groupId + "/members/$ref", app,
					Map.of("@odata.id", "https://graph.microsoft.com/beta/directoryObjects/" + amyId))
			.expect(204);
		this.graph
			.post("/beta/groups/" + groupId + "/members/$ref", app,
					Map.of("@odata.id", this.graph.baseUrl() + "/beta/users/" + bob))
			.expect(204);
		JsonNode members = this.graph.get("/beta/groups/" + groupId + "/members", app).expect(200).body();
		assertThat(members.get("value")).hasSize(2);
		assertThat(members.get("value").get(0).get("@odata.type").asString()).isEqualTo("#microsoft.graph.user");

		this.graph.post("/beta/roleManagement/directory/roleAssignments", app,
				Map.of("principalId", amyId, "roleDefinitionId",
						DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR.templateId().toString(), "directoryScopeId",
						"/"))
			.expect(201);

		String delegated = this.graph.delegatedToken(upn, "Correct-horse-1",
				Set.of("openid", "User.Read", "Policy.ReadWrite.AuthenticationMethod"));
		JsonNode me = this.graph.get("/beta/me", delegated).expect(200).body();
		assertThat(me.get("id").asString()).isEqualTo(amyId);
		assertThat(me.get("userPrincipalName").asString()).isEqualTo(upn);
		assertThat(me.get("displayName").asString()).isEqualTo("Amy Masters");
	}

	@Test
	void discoveryWhenReadThenNamesEndpointsAndPublishesOnlyPublicKeys() {
		JsonNode discovery = this.graph.get("/.well-known/openid-configuration", null).expect(200).body();
		assertThat(discovery.get("token_endpoint").asString()).endsWith("/oauth2/token");
		assertThat(discovery.get("authorization_endpoint").asString()).endsWith("/oauth2/authorize");
		String jwksUri = discovery.get("jwks_uri").asString();
		JsonNode keys = this.graph.get(jwksUri.substring(jwksUri.indexOf("/oauth2")), null).expect(200).body();
		assertThat(keys.get("keys")).isNotEmpty();
		JsonNode key = keys.get("keys").get(0);
		assertThat(key.get("kty").asString()).isEqualTo("RSA");
		assertThat(key.has("kid")).isTrue();
		assertThat(key.has("d")).isFalse();
	}

}
