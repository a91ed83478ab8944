package io.keyfob.authorization;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.keyfob.directory.DirectoryRole;

import static io.keyfob.directory.DirectoryRole.AUTHENTICATION_ADMINISTRATOR;
import static io.keyfob.directory.DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR;
import static io.keyfob.directory.DirectoryRole.GLOBAL_ADMINISTRATOR;
import static io.keyfob.directory.DirectoryRole.GLOBAL_READER;
import static io.keyfob.directory.DirectoryRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR;

/**
 * Every endpoint of the HTTP API and who may call it: the data of
 * {@link AuthorizationMatrixIntegrationTests}. Add a row for each endpoint you add;
 * docs/api.md, "Authorization matrix", explains how.
 */
final class ApiEndpoints {

	static final Set<DirectoryRole> DIRECTORY_READERS = Set.of(GLOBAL_ADMINISTRATOR, GLOBAL_READER,
			AUTHENTICATION_POLICY_ADMINISTRATOR, AUTHENTICATION_ADMINISTRATOR, PRIVILEGED_AUTHENTICATION_ADMINISTRATOR);

	static final Set<DirectoryRole> ADMIN = Set.of(GLOBAL_ADMINISTRATOR);

	static final Set<DirectoryRole> READERS = Set.of(GLOBAL_ADMINISTRATOR, GLOBAL_READER);

	private ApiEndpoints() {
	}

	static List<ApiEndpoint> all() {
		return List.of(
				// users
				ApiEndpoint.get("/beta/users")
					.allowing(Set.of("User.Read.All", "User.ReadWrite.All"), DIRECTORY_READERS),
				ApiEndpoint.get("/beta/users/{user}")
					.allowing(Set.of("User.Read.All", "User.ReadWrite.All"), DIRECTORY_READERS)
					.withSetup((f) -> Map.of("user", f.user())),
				ApiEndpoint
					.post("/beta/users",
							"{\"displayName\": \"New\", \"userPrincipalName\": \"n-{unique}@matrix.test\"}", 201)
					.allowing(Set.of("User.ReadWrite.All"), ADMIN)
					.withSetup((f) -> Map.of("unique", f.unique())),
				ApiEndpoint.patch("/beta/users/{user}", "{\"displayName\": \"Changed\"}", 204)
					.allowing(Set.of("User.ReadWrite.All"), ADMIN)
					.withSetup((f) -> Map.of("user", f.user())),
				ApiEndpoint.delete("/beta/users/{user}")
					.allowing(Set.of("User.ReadWrite.All"), ADMIN)
					.withSetup((f) -> Map.of("user", f.user())),
				ApiEndpoint.get("/beta/me")
					.allowing(Set.of("User.Read.All", "User.ReadWrite.All"), Set.of())
					.forEveryUser(400),
				// groups
				ApiEndpoint.get("/beta/groups")
					.allowing(Set.of("Group.Read.All", "Group.ReadWrite.All"), DIRECTORY_READERS),
				ApiEndpoint.get("/beta/groups/{group}")
					.allowing(Set.of("Group.Read.All", "Group.ReadWrite.All"), DIRECTORY_READERS)
					.withSetup((f) -> Map.of("group", f.group())),
				ApiEndpoint.post("/beta/groups", "{\"displayName\": \"Group {unique}\"}", 201)
					.allowing(Set.of("Group.ReadWrite.All"), ADMIN)
					.withSetup((f) -> Map.of("unique", f.unique())),
				ApiEndpoint.get("/beta/groups/{group}/members")
					.allowing(Set.of("Group.Read.All", "Group.ReadWrite.All"), DIRECTORY_READERS)
					.withSetup((f) -> Map.of("group", f.group())),
				ApiEndpoint
					.post("/beta/groups/{group}/members/$ref",
							"{\"@odata.id\": \"https://graph.microsoft.com/beta/users/{user}\"}", 204)
					.allowing(Set.of("Group.ReadWrite.All"), ADMIN)
					.withSetup((f) -> Map.of("group", f.group(), "user", f.user())),
				ApiEndpoint.delete("/beta/groups/{group}/members/{user}/$ref")
					.allowing(Set.of("Group.ReadWrite.All"), ADMIN)
					.withSetup((f) -> {
						String group = f.group();
						String user = f.user();
						f.addMember(group, user);
						return Map.of("group", group, "user", user);
					}),
				// directory roles
				ApiEndpoint.get("/beta/roleManagement/directory/roleDefinitions")
					.allowing(Set.of("RoleManagement.Read.Directory", "RoleManagement.ReadWrite.Directory"), READERS),
				ApiEndpoint.get("/beta/roleManagement/directory/roleAssignments")
					.allowing(Set.of("RoleManagement.Read.Directory", "RoleManagement.ReadWrite.Directory"), READERS),
				ApiEndpoint.get("/beta/roleManagement/directory/roleAssignments/{assignment}")
					.allowing(Set.of("RoleManagement.Read.Directory", "RoleManagement.ReadWrite.Directory"), READERS)
					.withSetup((f) -> Map.of("assignment", f.roleAssignment())),
				ApiEndpoint
					.post("/beta/roleManagement/directory/roleAssignments",
							"{\"principalId\": \"{user}\", \"roleDefinitionId\": \"" + GLOBAL_READER.templateId()
									+ "\", \"directoryScopeId\": \"/\"}",
							201)
					.allowing(Set.of("RoleManagement.ReadWrite.Directory"), ADMIN)
					.withSetup((f) -> Map.of("user", f.user())),
				ApiEndpoint.delete("/beta/roleManagement/directory/roleAssignments/{assignment}")
					.allowing(Set.of("RoleManagement.ReadWrite.Directory"), ADMIN)
					.withSetup((f) -> Map.of("assignment", f.roleAssignment())),
				// Keyfob's own API
				ApiEndpoint
					.post("/api/v1/users/import", "userPrincipalName,displayName\ni-{unique}@matrix.test,Imported\n",
							200)
					.withContentType("text/csv")
					.allowing(Set.of("User.ReadWrite.All"), ADMIN)
					.withSetup((f) -> Map.of("unique", f.unique())),
				ApiEndpoint.get("/api/v1/clients")
					.allowing(Set.of("Application.Read.All", "Application.ReadWrite.All"), READERS),
				ApiEndpoint.get("/api/v1/clients/{client}")
					.allowing(Set.of("Application.Read.All", "Application.ReadWrite.All"), READERS)
					.withSetup((f) -> Map.of("client", f.client())),
				ApiEndpoint
					.post("/api/v1/clients",
							"{\"displayName\": \"C {unique}\", \"permissions\": [\"Policy.Read.All\"]}", 201)
					.allowing(Set.of("Application.ReadWrite.All"), ADMIN)
					.withSetup((f) -> Map.of("unique", f.unique())),
				ApiEndpoint.patch("/api/v1/clients/{client}", "{\"permissions\": [\"AuditLog.Read.All\"]}", 200)
					.allowing(Set.of("Application.ReadWrite.All"), ADMIN)
					.withSetup((f) -> Map.of("client", f.client())),
				ApiEndpoint.post("/api/v1/clients/{client}/secret", "{}", 200)
					.allowing(Set.of("Application.ReadWrite.All"), ADMIN)
					.withSetup((f) -> Map.of("client", f.client())),
				ApiEndpoint.delete("/api/v1/clients/{client}")
					.allowing(Set.of("Application.ReadWrite.All"), ADMIN)
					.withSetup((f) -> Map.of("client", f.client())));
	}

}
