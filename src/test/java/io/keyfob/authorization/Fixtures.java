package io.keyfob.authorization;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.DirectoryRole;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;
import org.jspecify.annotations.Nullable;

/**
 * Makes fresh objects for a matrix row through the API, with the bootstrap client, so
 * that every request acts on objects of its own.
 */
public final class Fixtures {

	private final GraphTestClient graph;

	Fixtures(GraphTestClient graph) {
		this.graph = graph;
	}

	/**
	 * A unique string for names.
	 * @return eight hex digits
	 */
	public String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A new user without a password.
	 * @return the user's id
	 */
	public String user() {
		return this.graph.createUser("m-" + unique() + "@matrix.test", null).toString();
	}

	/**
	 * A new group.
	 * @return the group's id
	 */
	public String group() {
		return this.graph.post("/beta/groups", this.graph.bootstrapToken(), Map.of("displayName", "Group " + unique()))
			.expect(201)
			.body()
			.get("id")
			.asString();
	}

	/**
	 * Put a user in a group.
	 * @param group the group's id
	 * @param user the user's id
	 */
	public void addMember(String group, String user) {
		this.graph
			.post("/beta/groups/" + group + "/members/$ref", this.graph.bootstrapToken(),
					Map.of("@odata.id", "https://graph.microsoft.com/beta/users/" + user))
			.expect(204);
	}

	/**
	 * A new user holding the Global Reader role.
	 * @return the assignment's id
	 */
	public String roleAssignment() {
		return this.graph.assignRole(UUID.fromString(user()), DirectoryRole.GLOBAL_READER).toString();
	}

	/**
	 * A new, available hardware token in the inventory.
	 * @return the token's id
	 */
	public String device() {
		return this.graph
			.post("/beta/directory/authenticationMethodDevices/hardwareOathDevices", this.graph.bootstrapToken(),
					Map.of("serialNumber", "M-" + unique(), "manufacturer", "Feitian", "model", "c200", "secretKey",
							"6PJ4UKIW33NNXYZAEHQNFUFTZF7WFTFB", "timeIntervalInSeconds", 30))
			.expect(201)
			.body()
			.get("id")
			.asString();
	}

	/**
	 * A new app registration without permissions.
	 * @return its client id
	 */
	public String client() {
		return this.graph.registerClient("Matrix client " + unique(), Set.of()).clientId();
	}

	/**
	 * A new RADIUS client.
	 * @return its id
	 */
	public String radiusClient() {
		return this.graph
			.post("/api/v1/radius-clients", this.graph.bootstrapToken(),
					Map.of("displayName", "Matrix NAS " + unique(), "address", "198.51.100.7", "mode", "codeOnly"))
			.expect(201)
			.body()
			.get("id")
			.asString();
	}

	/**
	 * A device in the inventory, blocked as lost.
	 * @return its id
	 */
	public String blockedDevice() {
		String device = device();
		this.graph
			.post(ApiEndpoints.DEVICES + "/" + device + "/block", this.graph.bootstrapToken(), Map.of("reason", "lost"))
			.expect(200);
		return device;
	}

	/**
	 * A new user whom the enabled Temporary Access Pass policy targets.
	 * @return the placeholder {@code user}
	 */
	public Map<String, String> userForPass() {
		this.graph.patch(ApiEndpoints.ACCESS_PASS_POLICY, this.graph.bootstrapToken(), Map.of("state", "enabled"))
			.expect(204);
		return Map.of("user", user());
	}

	/**
	 * A new user with a Temporary Access Pass.
	 * @return the placeholders {@code user} and {@code pass} (the method id)
	 */
	public Map<String, String> userWithPass() {
		String user = userForPass().get("user");
		String pass = this.graph
			.post(ApiEndpoints.PASSES.replace("{user}", user), this.graph.bootstrapToken(), Map.of())
			.expect(201)
			.body()
			.get("id")
			.asString();
		return Map.of("user", user, "pass", pass);
	}

	/**
	 * Enable the hardware OATH method for all users.
	 */
	public void enableHardwareOath() {
		HardwareTokens.enableForAllUsers(this.graph, this.graph.bootstrapToken());
	}

	/**
	 * A new available token whose seed the matrix knows.
	 * @return the placeholders {@code token}, {@code serial}, {@code code} (its code now)
	 * and {@code next} (its next code)
	 */
	public Map<String, String> token() {
		return token(null);
	}

	/**
	 * A new token assigned to a user, with the hardware OATH method enabled.
	 * @param user the user's id
	 * @return the placeholders of {@link #token()}
	 */
	public Map<String, String> token(@Nullable String user) {
		enableHardwareOath();
		byte[] seed = HardwareTokens.seed();
		String serial = "MX" + unique();
		String id = this.graph
			.post(HardwareTokens.DEVICES, this.graph.bootstrapToken(),
					HardwareTokens.device(serial, seed, (user != null) ? UUID.fromString(user) : null))
			.expect(201)
			.body()
			.get("id")
			.asString();
		return Map.of("token", id, "serial", serial, "code", HardwareTokens.code(seed, 0), "next",
				HardwareTokens.code(seed, 30));
	}

	/**
	 * A new user holding a new token.
	 * @return the placeholders of {@link #token()} and {@code user}
	 */
	public Map<String, String> userWithToken() {
		String user = user();
		Map<String, String> values = new HashMap<>(token(user));
		values.put("user", user);
		return values;
	}

	/**
	 * A new user and a new available token.
	 * @return the placeholders of {@link #token()} and {@code user}
	 */
	public Map<String, String> userAndToken() {
		Map<String, String> values = new HashMap<>(token());
		values.put("user", user());
		return values;
	}

	/**
	 * A new seed import: a dry run of a one-token file, by the bootstrap client.
	 * @return the job's id
	 */
	public String seedImport() {
		return this.graph
			.send("POST", "/api/v1/seed-imports", this.graph.bootstrapToken(), ApiEndpoints.seedFile("F-" + unique()),
					ApiEndpoints.MULTIPART)
			.expect(202)
			.body()
			.get("id")
			.asString();
	}

	public GraphTestClient graph() {
		return this.graph;
	}

}
