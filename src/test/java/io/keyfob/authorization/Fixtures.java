package io.keyfob.authorization;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.DirectoryRole;
import io.keyfob.support.GraphTestClient;

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
	 * A new app registration without permissions.
	 * @return its client id
	 */
	public String client() {
		return this.graph.registerClient("Matrix client " + unique(), Set.of()).clientId();
	}

	public GraphTestClient graph() {
		return this.graph;
	}

}
