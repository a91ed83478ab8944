package io.keyfob.graphapi;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.DirectoryRole;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.GraphTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Graph directory endpoints' behaviour beyond who may call them: shapes, paging,
 * filters, errors, case-insensitive paths, and permissions that change at once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DirectoryApiIntegrationTests {

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
	void createUserWhenNameTakenInOtherCaseThenConflict() {
		String upn = unique("dup");
		this.graph.createUser(upn, null);
		Response duplicate = this.graph.post("/beta/users", this.app,
				Map.of("displayName", "Again", "userPrincipalName", upn.toUpperCase(java.util.Locale.ROOT)));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.errorCode()).isEqualTo("Request_MultipleObjectsWithSameKeyValue");
	}

	@Test
	void createUserWhenInputBadThenBadRequestWithReason() {
		Response missing = this.graph.post("/beta/users", this.app, Map.of("displayName", "No name"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errorCode()).isEqualTo("Request_BadRequest");
		assertThat(missing.body().path("error").path("message").asString()).contains("userPrincipalName");
		Response shortPassword = this.graph.post("/beta/users", this.app, Map.of("displayName", "Short",
				"userPrincipalName", unique("short"), "passwordProfile", Map.of("password", "short")));
		assertThat(shortPassword.status()).isEqualTo(400);
		assertThat(shortPassword.body().toString()).doesNotContain("\"short\"");
		Response notJson = this.graph.post("/beta/users", this.app, "{not json");
		assertThat(notJson.status()).isEqualTo(400);
		Response badName = this.graph.post("/beta/users", this.app,
				Map.of("displayName", "Bad", "userPrincipalName", "no at sign"));
		assertThat(badName.status()).isEqualTo(400);
	}

	@Test
	void getUserWhenByNameOrIdInAnyCaseThenSameUser() {
		String upn = unique("Case");
		UUID id = this.graph.createUser(upn, null);
		assertThat(this.graph.get("/beta/users/" + upn.toLowerCase(java.util.Locale.ROOT), this.app)
			.expect(200)
			.body()
			.get("id")
			.asString()).isEqualTo(id.toString());
		assertThat(this.graph.get("/BETA/Users/" + id, this.app).expect(200).body().get("userPrincipalName").asString())
			.isEqualTo(upn);
		assertThat(this.graph.get("/beta/users/" + unique("nobody"), this.app).status()).isEqualTo(404);
	}

	@Test
	void caseChangedPathWhenNoTokenThenStillUnauthorized() {
		Response response = this.graph.get("/BETA/USERS", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.errorCode()).isEqualTo("InvalidAuthenticationToken");
	}

	@Test
	void listUsersWhenPagedThenNextLinksCoverEveryUserOnce() {
		String prefix = "page" + UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < 5; i++) {
			this.graph.createUser(prefix + i + "@example.org", null);
		}
		String path = "/beta/users?$filter=startswith(userPrincipalName,'" + prefix + "')&$top=2&$count=true";
		JsonNode page = this.graph.get(path, this.app).expect(200).body();
		assertThat(page.get("@odata.count").asLong()).isEqualTo(5);
		assertThat(page.get("@odata.context").asString()).endsWith("/beta/$metadata#users");
		List<String> seen = new java.util.ArrayList<>();
		while (true) {
			page.get("value").forEach((user) -> seen.add(user.get("userPrincipalName").asString()));
			if (!page.has("@odata.nextLink")) {
				break;
			}
			String next = page.get("@odata.nextLink").asString();
			page = this.graph.get(next.substring(next.indexOf("/beta/")), this.app).expect(200).body();
		}
		assertThat(seen).containsExactly(prefix + "0@example.org", prefix + "1@example.org", prefix + "2@example.org",
				prefix + "3@example.org", prefix + "4@example.org");
	}

	@Test
	void listUsersWhenFilteredByNameThenOnlyThatUser() {
		String upn = unique("filter");
		this.graph.createUser(upn, null);
		JsonNode found = this.graph.get("/beta/users?$filter=userPrincipalName eq '" + upn + "'", this.app)
			.expect(200)
			.body();
		assertThat(found.get("value")).hasSize(1);
		assertThat(this.graph.get("/beta/users?$filter=mail eq 'x'", this.app).status()).isEqualTo(400);
		assertThat(this.graph.get("/beta/users?$top=1000", this.app).status()).isEqualTo(400);
		assertThat(this.graph.get("/beta/users?$skiptoken=!!", this.app).status()).isEqualTo(400);
	}

	@Test
	void countAndFilterWhenUsersAndGroupsThenOneGrammarAndPlainCounts() {
		String upn = unique("count");
		this.graph.createUser(upn, null);
		assertThat(
				this.graph.get("/beta/users/$count?$filter=userPrincipalName eq '" + upn.toUpperCase() + "'", this.app)
					.expect(200)
					.body()
					.asInt())
			.isEqualTo(1);
		assertThat(this.graph
			.get("/beta/users?$count=true&$filter=startswith(userPrincipalName,'" + upn + "') or id eq '"
					+ UUID.randomUUID() + "'", this.app)
			.expect(200)
			.body()
			.get("@odata.count")
			.asInt()).isEqualTo(1);
		String name = "Counted " + UUID.randomUUID();
		String group = this.graph.post("/beta/groups", this.app, Map.of("displayName", name))
			.expect(201)
			.body()
			.get("id")
			.asString();
		JsonNode groups = this.graph
			.get("/beta/groups?$count=true&$filter=displayName eq '" + name.toLowerCase() + "'", this.app)
			.expect(200)
			.body();
		assertThat(groups.get("@odata.count").asInt()).isEqualTo(1);
		assertThat(groups.get("value").get(0).get("id").asString()).isEqualTo(group);
		assertThat(this.graph.get("/beta/groups/$count?$filter=startswith(displayName,'Counted ')", this.app)
			.expect(200)
			.body()
			.asInt()).isPositive();
		JsonNode refused = this.graph.get("/beta/groups?$filter=description eq 'x'", this.app).expect(400).body();
		assertThat(refused.path("error").get("message").asString())
			.isEqualTo("$filter: unknown property 'description' at position 1; filterable properties are id, "
					+ "displayName");
	}

	@Test
	void updateUserWhenPasswordChangedThenHashedAndNeverShown() {
		String upn = unique("pw");
		UUID id = this.graph.createUser(upn, "First-password-1");
		this.graph
			.patch("/beta/users/" + id, this.app,
					Map.of("displayName", "Renamed", "passwordProfile", Map.of("password", "Second-password-2")))
			.expect(204);
		String hash = this.jdbc.sql("select password_hash from directory_user where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("Second-password-2");
		JsonNode user = this.graph.get("/beta/users/" + id, this.app).expect(200).body();
		assertThat(user.get("displayName").asString()).isEqualTo("Renamed");
		assertThat(user.toString()).doesNotContain("password").doesNotContain("bcrypt");
		this.graph.delegatedToken(upn, "Second-password-2", Set.of("User.Read"));
	}

	@Test
	void deleteUserThenGoneWithMembershipsAndRoles() {
		UUID id = this.graph.createUser(unique("gone"), null);
		this.graph.assignRole(id, DirectoryRole.GLOBAL_READER);
		String group = this.graph.post("/beta/groups", this.app, Map.of("displayName", "Doomed members"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		this.graph
			.post("/beta/groups/" + group + "/members/$ref", this.app,
					Map.of("@odata.id", "https://graph.microsoft.com/beta/users/" + id))
			.expect(204);
		this.graph.delete("/beta/users/" + id, this.app).expect(204);
		assertThat(this.graph.get("/beta/users/" + id, this.app).status()).isEqualTo(404);
		assertThat(this.graph.get("/beta/groups/" + group + "/members", this.app).body().get("value")).isEmpty();
		assertThat(this.graph
			.get("/beta/roleManagement/directory/roleAssignments?$filter=principalId eq '" + id + "'", this.app)
			.body()
			.get("value")).isEmpty();
	}

	@Test
	void addMemberWhenAlreadyMemberOrBadReferenceThenBadRequest() {
		UUID user = this.graph.createUser(unique("member"), null);
		String group = this.graph.post("/beta/groups", this.app, Map.of("displayName", "Twice"))
			.expect(201)
			.body()
			.get("id")
			.asString();
		Map<String, String> reference = Map.of("@odata.id", "https://host/beta/users/" + user);
		this.graph.post("/beta/groups/" + group + "/members/$ref", this.app, reference).expect(204);
		assertThat(this.graph.post("/beta/groups/" + group + "/members/$ref", this.app, reference).status())
			.isEqualTo(400);
		assertThat(this.graph
			.post("/beta/groups/" + group + "/members/$ref", this.app, Map.of("@odata.id", "https://host/beta/x"))
			.status()).isEqualTo(400);
		assertThat(this.graph.delete("/beta/groups/" + group + "/members/" + UUID.randomUUID() + "/$ref", this.app)
			.status()).isEqualTo(404);
	}

	@Test
	void roleAssignmentWhenUnknownRoleOrScopeThenBadRequest() {
		UUID user = this.graph.createUser(unique("role"), null);
		Response unknownRole = this.graph.post("/beta/roleManagement/directory/roleAssignments", this.app,
				Map.of("principalId", user.toString(), "roleDefinitionId", UUID.randomUUID().toString()));
		assertThat(unknownRole.status()).isEqualTo(400);
		assertThat(unknownRole.body().path("error").path("message").asString()).contains("Global Reader");
		Response scoped = this.graph.post("/beta/roleManagement/directory/roleAssignments", this.app,
				Map.of("principalId", user.toString(), "roleDefinitionId",
						DirectoryRole.GLOBAL_READER.templateId().toString(), "directoryScopeId",
						"/administrativeUnits/x"));
		assertThat(scoped.status()).isEqualTo(400);
		this.graph.assignRole(user, DirectoryRole.GLOBAL_READER);
		Response twice = this.graph.post("/beta/roleManagement/directory/roleAssignments", this.app,
				Map.of("principalId", user.toString(), "roleDefinitionId",
						DirectoryRole.GLOBAL_READER.templateId().toString()));
		assertThat(twice.status()).isEqualTo(409);
	}

	@Test
	void roleRemovedWhenUserHoldsTokenThenRefusedAtOnce() {
		String upn = unique("reader");
		UUID user = this.graph.createUser(upn, "Reader-password-1");
		UUID assignment = this.graph.assignRole(user, DirectoryRole.GLOBAL_READER);
		String token = this.graph.delegatedToken(upn, "Reader-password-1", Set.of("User.Read.All"));
		this.graph.get("/beta/users", token).expect(200);
		this.graph.delete("/beta/roleManagement/directory/roleAssignments/" + assignment, this.app).expect(204);
		Response refused = this.graph.get("/beta/users", token);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().path("error").path("message").asString()).contains("User.Read.All");
	}

	@Test
	void delegatedTokenWhenScopeNotRequestedThenRoleAloneDoesNotGrant() {
		String upn = unique("scoped");
		UUID user = this.graph.createUser(upn, "Scoped-password-1");
		this.graph.assignRole(user, DirectoryRole.GLOBAL_ADMINISTRATOR);
		String token = this.graph.delegatedToken(upn, "Scoped-password-1", Set.of("User.Read"));
		this.graph.get("/beta/me", token).expect(200);
		assertThat(this.graph.get("/beta/users", token).status()).isEqualTo(403);
	}

	@Test
	void disabledUserWhenHoldingTokenThenUnauthorized() {
		String upn = unique("disabled");
		UUID user = this.graph.createUser(upn, "Disabled-password-1");
		String token = this.graph.delegatedToken(upn, "Disabled-password-1", Set.of("User.Read"));
		this.graph.get("/beta/me", token).expect(200);
		this.graph.patch("/beta/users/" + user, this.app, Map.of("accountEnabled", false)).expect(204);
		assertThat(this.graph.get("/beta/me", token).status()).isEqualTo(401);
	}

	@Test
	void roleDefinitionsWhenListedThenTheFiveRolesWithTheirPermissions() {
		JsonNode definitions = this.graph.get("/beta/roleManagement/directory/roleDefinitions", this.app)
			.expect(200)
			.body()
			.get("value");
		assertThat(definitions).hasSize(5);
		assertThat(definitions.toString()).contains("62e90394-69f5-4237-9190-012177145e10",
				"Authentication Policy Administrator", "Policy.ReadWrite.AuthenticationMethod");
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
