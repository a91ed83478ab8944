package io.keyfob.directory;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static io.keyfob.directory.GraphPermission.APPLICATION_READ_ALL;
import static io.keyfob.directory.GraphPermission.APPLICATION_READ_WRITE_ALL;
import static io.keyfob.directory.GraphPermission.AUDIT_LOG_READ_ALL;
import static io.keyfob.directory.GraphPermission.GROUP_READ_ALL;
import static io.keyfob.directory.GraphPermission.GROUP_READ_WRITE_ALL;
import static io.keyfob.directory.GraphPermission.HARDWARE_OATH_VERIFY;
import static io.keyfob.directory.GraphPermission.POLICY_READ_ALL;
import static io.keyfob.directory.GraphPermission.POLICY_READ_AUTHENTICATION_METHOD;
import static io.keyfob.directory.GraphPermission.POLICY_READ_WRITE_AUTHENTICATION_METHOD;
import static io.keyfob.directory.GraphPermission.ROLE_MANAGEMENT_READ_DIRECTORY;
import static io.keyfob.directory.GraphPermission.ROLE_MANAGEMENT_READ_WRITE_DIRECTORY;
import static io.keyfob.directory.GraphPermission.USER_AUTHENTICATION_METHOD_READ_ALL;
import static io.keyfob.directory.GraphPermission.USER_AUTHENTICATION_METHOD_READ_WRITE_ALL;
import static io.keyfob.directory.GraphPermission.USER_READ_ALL;
import static io.keyfob.directory.GraphPermission.USER_READ_WRITE_ALL;

/**
 * The directory roles Keyfob knows, identified by their Microsoft Graph role template
 * ids, and the one table of the rights each role gives (docs/design.md, "Authentication
 * and authorization"). A delegated token's effective permissions are its scopes
 * intersected with the rights of the user's roles plus the self-service permissions; see
 * docs/api.md.
 */
public enum DirectoryRole {

	/** Everything. */
	GLOBAL_ADMINISTRATOR("62e90394-69f5-4237-9190-012177145e10", "Global Administrator", true,
			EnumSet.complementOf(EnumSet.copyOf(GraphPermission.selfServicePermissions()))),

	/** Reads everything, changes nothing. */
	GLOBAL_READER("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader", true,
			EnumSet.of(USER_READ_ALL, GROUP_READ_ALL, ROLE_MANAGEMENT_READ_DIRECTORY, POLICY_READ_ALL,
					POLICY_READ_AUTHENTICATION_METHOD, USER_AUTHENTICATION_METHOD_READ_ALL, AUDIT_LOG_READ_ALL,
					APPLICATION_READ_ALL)),

	/** Manages the token inventory and the hardware OATH method policy. */
	AUTHENTICATION_POLICY_ADMINISTRATOR("0526716b-113d-4c15-b2c8-68e3c22b9f80", "Authentication Policy Administrator",
			true,
			EnumSet.of(USER_READ_ALL, GROUP_READ_ALL, POLICY_READ_ALL, POLICY_READ_AUTHENTICATION_METHOD,
					POLICY_READ_WRITE_AUTHENTICATION_METHOD)),

	/**
	 * Manages the authentication methods of users who hold no admin role (the target
	 * rule).
	 */
	AUTHENTICATION_ADMINISTRATOR("c4e39bd9-1100-46d3-8c65-fb160da0071f", "Authentication Administrator", true,
			EnumSet.of(USER_READ_ALL, GROUP_READ_ALL, USER_AUTHENTICATION_METHOD_READ_ALL,
					USER_AUTHENTICATION_METHOD_READ_WRITE_ALL)),

	/** Manages the authentication methods of every user, admins included. */
	PRIVILEGED_AUTHENTICATION_ADMINISTRATOR("7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
			"Privileged Authentication Administrator", true, EnumSet.of(USER_READ_ALL, GROUP_READ_ALL,
					USER_AUTHENTICATION_METHOD_READ_ALL, USER_AUTHENTICATION_METHOD_READ_WRITE_ALL));

	private final UUID templateId;

	private final String displayName;

	private final boolean adminRole;

	private final Set<GraphPermission> permissions;

	DirectoryRole(String templateId, String displayName, boolean adminRole, Set<GraphPermission> permissions) {
		this.templateId = UUID.fromString(templateId);
		this.displayName = displayName;
		this.adminRole = adminRole;
		this.permissions = Set.copyOf(permissions);
	}

	/**
	 * The Graph role template id, used as {@code roleDefinitionId}.
	 * @return the id
	 */
	public UUID templateId() {
		return this.templateId;
	}

	/**
	 * The role's name in Entra.
	 * @return for example {@code Authentication Administrator}
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * Whether holding this role makes a user an admin for the target rule
	 * (docs/design.md, "Authentication and authorization"): only a Privileged
	 * Authentication Administrator or a Global Administrator may manage the methods of
	 * such a user.
	 * @return {@code true} for every role Keyfob knows today
	 */
	public boolean isAdminRole() {
		return this.adminRole;
	}

	/**
	 * Whether roles make their holder a privileged administrator: one who may manage the
	 * authentication methods of users who hold an admin role (docs/design.md,
	 * "Authentication and authorization"). Graph, the admin center and the methods module
	 * all ask this one rule.
	 * @param roles the roles a user holds
	 * @return whether they include Global Administrator or Privileged Authentication
	 * Administrator
	 */
	public static boolean isPrivileged(Collection<DirectoryRole> roles) {
		return roles.contains(GLOBAL_ADMINISTRATOR) || roles.contains(PRIVILEGED_AUTHENTICATION_ADMINISTRATOR);
	}

	/**
	 * The rights this role gives a delegated caller.
	 * @return the permissions, never a self-service one
	 */
	public Set<GraphPermission> permissions() {
		return this.permissions;
	}

	/**
	 * Look up a role by its Graph role template id.
	 * @param templateId the id
	 * @return the role, or empty when Keyfob knows no role with that id
	 */
	public static Optional<DirectoryRole> fromTemplateId(UUID templateId) {
		return Arrays.stream(values()).filter((r) -> r.templateId.equals(templateId)).findFirst();
	}

}
