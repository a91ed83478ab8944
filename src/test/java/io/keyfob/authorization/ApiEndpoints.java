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

	static final Set<DirectoryRole> POLICY_READERS = Set.of(GLOBAL_ADMINISTRATOR, GLOBAL_READER,
			AUTHENTICATION_POLICY_ADMINISTRATOR);

	static final Set<DirectoryRole> POLICY_ADMINS = Set.of(GLOBAL_ADMINISTRATOR, AUTHENTICATION_POLICY_ADMINISTRATOR);

	static final String DEVICES = "/beta/directory/authenticationMethodDevices/hardwareOathDevices";

	static final String DEVICE_BODY = "{\"serialNumber\": \"M-{unique}\", \"manufacturer\": \"Feitian\", "
			+ "\"model\": \"c200\", \"secretKey\": \"6PJ4UKIW33NNXYZAEHQNFUFTZF7WFTFB\", "
			+ "\"timeIntervalInSeconds\": 30}";

	static final String HARDWARE_OATH_POLICY = "/beta/policies/authenticationMethodsPolicy/"
			+ "authenticationMethodConfigurations/hardwareOath";

	static final String ACCESS_PASS_POLICY = "/beta/policies/authenticationMethodsPolicy/"
			+ "authenticationMethodConfigurations/temporaryAccessPass";

	static final String PASSES = "/beta/users/{user}/authentication/temporaryAccessPassMethods";

	static final Set<String> INVENTORY_READ = Set.of("Policy.Read.All", "Policy.ReadWrite.AuthenticationMethod");

	static final Set<String> POLICY_WRITE = Set.of("Policy.ReadWrite.AuthenticationMethod");

	static final Set<DirectoryRole> METHOD_READERS = Set.of(GLOBAL_ADMINISTRATOR, GLOBAL_READER,
			AUTHENTICATION_ADMINISTRATOR, PRIVILEGED_AUTHENTICATION_ADMINISTRATOR);

	static final Set<DirectoryRole> METHOD_ADMINS = Set.of(GLOBAL_ADMINISTRATOR, AUTHENTICATION_ADMINISTRATOR,
			PRIVILEGED_AUTHENTICATION_ADMINISTRATOR);

	static final Set<String> READ_METHODS = Set.of("UserAuthenticationMethod.Read.All",
			"UserAuthenticationMethod.ReadWrite.All");

	static final Set<String> WRITE_METHODS = Set.of("UserAuthenticationMethod.ReadWrite.All");

	static final String METHODS = "/beta/users/{user}/authentication/hardwareOathMethods";

	static final String MULTIPART = "multipart/form-data; boundary=matrix-boundary";

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
				ApiEndpoint.get("/beta/users/$count")
					.allowing(Set.of("User.Read.All", "User.ReadWrite.All"), DIRECTORY_READERS),
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
				ApiEndpoint.get("/beta/groups/$count")
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
				// token inventory
				ApiEndpoint.get(DEVICES).allowing(INVENTORY_READ, POLICY_READERS),
				ApiEndpoint.get(DEVICES + "/{device}")
					.allowing(INVENTORY_READ, POLICY_READERS)
					.withSetup((f) -> Map.of("device", f.device())),
				ApiEndpoint.get(DEVICES + "/$count").allowing(INVENTORY_READ, POLICY_READERS),
				ApiEndpoint.get(DEVICES + "/{token}/assignTo")
					.allowing(INVENTORY_READ, POLICY_READERS)
					.withSetup((f) -> f.userWithToken()),
				ApiEndpoint.get("/beta/directory/authenticationMethodDevices").allowing(INVENTORY_READ, POLICY_READERS),
				ApiEndpoint.post(DEVICES, DEVICE_BODY, 201)
					.allowing(POLICY_WRITE, POLICY_ADMINS)
					.withSetup((f) -> Map.of("unique", f.unique())),
				ApiEndpoint.patch(DEVICES, "{\"@context\": \"#$delta\", \"value\": [" + DEVICE_BODY + "]}", 200)
					.allowing(POLICY_WRITE, POLICY_ADMINS)
					.withSetup((f) -> Map.of("unique", f.unique())),
				ApiEndpoint.post(DEVICES, "{\"@context\": \"#$delta\", \"value\": [" + DEVICE_BODY + "]}", 200)
					.allowing(POLICY_WRITE, POLICY_ADMINS)
					.withSetup((f) -> Map.of("unique", f.unique())),
				ApiEndpoint.patch(DEVICES + "/{device}", "{\"model\": \"c200 v2\"}", 204)
					.allowing(POLICY_WRITE, POLICY_ADMINS)
					.withSetup((f) -> Map.of("device", f.device())),
				ApiEndpoint.delete(DEVICES + "/{device}")
					.allowing(POLICY_WRITE, POLICY_ADMINS)
					.withSetup((f) -> Map.of("device", f.device())),
				// hardware OATH method policy
				ApiEndpoint.get(HARDWARE_OATH_POLICY)
					.allowing(Set.of("Policy.Read.AuthenticationMethod", "Policy.Read.All",
							"Policy.ReadWrite.AuthenticationMethod"), POLICY_READERS),
				ApiEndpoint.patch(HARDWARE_OATH_POLICY, "{\"state\": \"disabled\"}", 204)
					.allowing(POLICY_WRITE, POLICY_ADMINS),
				ApiEndpoint.delete(HARDWARE_OATH_POLICY).allowing(POLICY_WRITE, POLICY_ADMINS),
				ApiEndpoint.get("/beta/policies/authenticationMethodsPolicy")
					.allowing(Set.of("Policy.Read.AuthenticationMethod", "Policy.Read.All",
							"Policy.ReadWrite.AuthenticationMethod"), POLICY_READERS),
				// lost and stolen tokens
				ApiEndpoint.post(DEVICES + "/{device}/block", "{\"reason\": \"lost\"}", 200)
					.allowing(Set.of("Policy.ReadWrite.AuthenticationMethod", "UserAuthenticationMethod.ReadWrite.All"),
							Set.of(GLOBAL_ADMINISTRATOR, AUTHENTICATION_POLICY_ADMINISTRATOR,
									AUTHENTICATION_ADMINISTRATOR, PRIVILEGED_AUTHENTICATION_ADMINISTRATOR))
					.withSetup((f) -> Map.of("device", f.device())),
				ApiEndpoint.post(DEVICES + "/{device}/unblock", "{}", 200)
					.allowing(POLICY_WRITE, POLICY_ADMINS)
					.withSetup((f) -> Map.of("device", f.blockedDevice())),
				// Temporary Access Pass
				ApiEndpoint.get(ACCESS_PASS_POLICY)
					.allowing(Set.of("Policy.Read.AuthenticationMethod", "Policy.Read.All",
							"Policy.ReadWrite.AuthenticationMethod"), POLICY_READERS),
				ApiEndpoint.patch(ACCESS_PASS_POLICY, "{\"state\": \"enabled\"}", 204)
					.allowing(POLICY_WRITE, POLICY_ADMINS),
				ApiEndpoint.get(PASSES).allowing(READ_METHODS, METHOD_READERS).withSetup((f) -> f.userWithPass()),
				ApiEndpoint.get(PASSES + "/{pass}")
					.allowing(READ_METHODS, METHOD_READERS)
					.withSetup((f) -> f.userWithPass()),
				ApiEndpoint.post(PASSES, "{\"lifetimeInMinutes\": 60}", 201)
					.allowing(WRITE_METHODS, METHOD_ADMINS)
					.withSetup((f) -> f.userForPass()),
				ApiEndpoint.delete(PASSES + "/{pass}")
					.allowing(WRITE_METHODS, METHOD_ADMINS)
					.withSetup((f) -> f.userWithPass()),
				ApiEndpoint.get("/beta/me/authentication/temporaryAccessPassMethods")
					.allowing(READ_METHODS, Set.of())
					.forEveryUser(400),
				// users' hardware OATH methods
				ApiEndpoint.get(METHODS).allowing(READ_METHODS, METHOD_READERS).withSetup((f) -> f.userWithToken()),
				ApiEndpoint.get(METHODS + "/{token}")
					.allowing(READ_METHODS, METHOD_READERS)
					.withSetup((f) -> f.userWithToken()),
				ApiEndpoint.get(METHODS + "/{token}/device")
					.allowing(READ_METHODS, METHOD_READERS)
					.withSetup((f) -> f.userWithToken()),
				ApiEndpoint.get("/beta/users/{user}/authentication/methods")
					.allowing(READ_METHODS, METHOD_READERS)
					.withSetup((f) -> f.userWithToken()),
				ApiEndpoint.get(METHODS + "/$count")
					.allowing(READ_METHODS, METHOD_READERS)
					.withSetup((f) -> f.userWithToken()),
				ApiEndpoint.get("/beta/users/{user}/authentication/methods/$count")
					.allowing(READ_METHODS, METHOD_READERS)
					.withSetup((f) -> f.userWithToken()),
				ApiEndpoint.post(METHODS, "{\"device\": {\"id\": \"{token}\"}}", 201)
					.allowing(WRITE_METHODS, METHOD_ADMINS)
					.withSetup((f) -> f.userAndToken()),
				ApiEndpoint
					.put(METHODS + "/{token}/device/assignTo/$ref",
							"{\"@odata.id\": \"https://graph.microsoft.com/beta/users/{user}\"}", 204)
					.allowing(WRITE_METHODS, METHOD_ADMINS)
					.withSetup((f) -> f.userAndToken()),
				ApiEndpoint.delete(METHODS + "/{token}")
					.allowing(WRITE_METHODS, METHOD_ADMINS)
					.withSetup((f) -> f.userWithToken()),
				ApiEndpoint.post(METHODS + "/{token}/activate", "{\"verificationCode\": \"{code}\"}", 204)
					.allowing(WRITE_METHODS, METHOD_ADMINS)
					.withSetup((f) -> f.userWithToken()),
				ApiEndpoint.post(METHODS + "/{token}/deactivate", "{}", 204)
					.allowing(WRITE_METHODS, METHOD_ADMINS)
					.withSetup((f) -> f.userWithToken()),
				ApiEndpoint
					.post(METHODS + "/assignAndActivate",
							"{\"device\": {\"id\": \"{token}\"}, \"verificationCode\": \"{code}\"}", 204)
					.allowing(WRITE_METHODS, METHOD_ADMINS)
					.withSetup((f) -> f.userAndToken()),
				ApiEndpoint
					.post(METHODS + "/assignAndActivateBySerialNumber",
							"{\"serialNumber\": \"{serial}\", \"verificationCode\": \"{code}\"}", 204)
					.allowing(WRITE_METHODS, METHOD_ADMINS)
					.withSetup((f) -> f.userAndToken()),
				ApiEndpoint
					.post(METHODS + "/{token}/resync",
							"{\"verificationCode\": \"{code}\", \"nextVerificationCode\": \"{next}\"}", 204)
					.allowing(WRITE_METHODS, METHOD_ADMINS)
					.withSetup((f) -> f.userWithToken()),
				ApiEndpoint.post(METHODS + "/{token}/unlock", "{}", 204)
					.allowing(WRITE_METHODS, METHOD_ADMINS)
					.withSetup((f) -> f.userWithToken()),
				ApiEndpoint.get("/beta/me/authentication/hardwareOathMethods")
					.allowing(READ_METHODS, Set.of())
					.forEveryUser(400),
				ApiEndpoint.get("/beta/me/authentication/methods").allowing(READ_METHODS, Set.of()).forEveryUser(400),
				ApiEndpoint.get("/beta/me/authentication/hardwareOathMethods/$count")
					.allowing(READ_METHODS, Set.of())
					.forEveryUser(400),
				ApiEndpoint.get("/beta/me/authentication/methods/$count")
					.allowing(READ_METHODS, Set.of())
					.forEveryUser(400),
				ApiEndpoint
					.post("/beta/me/authentication/hardwareOathMethods", "{\"device\": {\"id\": \"{token}\"}}", 201)
					.allowing(WRITE_METHODS, Set.of())
					.forEveryUser(400)
					.withSetup((f) -> f.token()),
				// audit and sign-in logs
				ApiEndpoint.get("/beta/auditLogs/directoryAudits").allowing(Set.of("AuditLog.Read.All"), READERS),
				ApiEndpoint.get("/beta/auditLogs/signIns").allowing(Set.of("AuditLog.Read.All"), READERS),
				// Keyfob's own API
				ApiEndpoint
					.post("/api/v1/verify",
							"{\"userPrincipalName\": \"nobody-{unique}@matrix.test\", \"code\": \"123456\"}", 200)
					.allowing(Set.of("HardwareOath.Verify"), Set.of())
					.withSetup((f) -> Map.of("unique", f.unique())),
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
					.withSetup((f) -> Map.of("client", f.client())),
				// RADIUS clients (NAS)
				ApiEndpoint.get("/api/v1/radius-clients")
					.allowing(Set.of("Application.Read.All", "Application.ReadWrite.All"), READERS),
				ApiEndpoint.get("/api/v1/radius-clients/{radiusClient}")
					.allowing(Set.of("Application.Read.All", "Application.ReadWrite.All"), READERS)
					.withSetup((f) -> Map.of("radiusClient", f.radiusClient())),
				ApiEndpoint.post("/api/v1/radius-clients",
						"{\"displayName\": \"R {unique}\", \"address\": \"192.0.2.0/24\", \"mode\": \"codeOnly\"}", 201)
					.allowing(Set.of("Application.ReadWrite.All"), ADMIN)
					.withSetup((f) -> Map.of("unique", f.unique())),
				ApiEndpoint.patch("/api/v1/radius-clients/{radiusClient}", "{\"mode\": \"challenge\"}", 200)
					.allowing(Set.of("Application.ReadWrite.All"), ADMIN)
					.withSetup((f) -> Map.of("radiusClient", f.radiusClient())),
				ApiEndpoint.delete("/api/v1/radius-clients/{radiusClient}")
					.allowing(Set.of("Application.ReadWrite.All"), ADMIN)
					.withSetup((f) -> Map.of("radiusClient", f.radiusClient())),
				// seed file imports
				ApiEndpoint.post("/api/v1/seed-imports", seedFile("M-{unique}"), 202)
					.withContentType(MULTIPART)
					.allowing(Set.of("Policy.ReadWrite.AuthenticationMethod"), POLICY_ADMINS)
					.withSetup((f) -> Map.of("unique", f.unique())),
				ApiEndpoint.get("/api/v1/seed-imports")
					.allowing(Set.of("Policy.Read.All", "Policy.ReadWrite.AuthenticationMethod"), POLICY_READERS),
				ApiEndpoint.get("/api/v1/seed-imports/{import}")
					.allowing(Set.of("Policy.Read.All", "Policy.ReadWrite.AuthenticationMethod"), POLICY_READERS)
					.withSetup((f) -> Map.of("import", f.seedImport())),
				ApiEndpoint.get("/api/v1/inventory/export")
					.allowing(Set.of("Policy.Read.All", "Policy.ReadWrite.AuthenticationMethod"), POLICY_READERS));
	}

	/**
	 * A multipart upload of a one-token vendor CSV as a dry run, for {@link #MULTIPART}.
	 * @param serialNumber the token's serial number
	 * @return the body
	 */
	static String seedFile(String serialNumber) {
		return "--matrix-boundary\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\ntrue\r\n"
				+ "--matrix-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"matrix.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nserial number,secret key,time interval,manufacturer,model\n"
				+ serialNumber + ",GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,Acme,A1\n\r\n--matrix-boundary--\r\n";
	}

}
