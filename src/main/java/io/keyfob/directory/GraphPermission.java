package io.keyfob.directory;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Microsoft Graph permissions Keyfob knows, by their Graph names. A permission name
 * is an OAuth2 scope of Keyfob's tokens and, unprefixed, a granted authority of a caller
 * of the HTTP API. Self-service permissions act on the signed-in user only and exist only
 * as delegated permissions; all others can be granted to applications too.
 */
public enum GraphPermission {

	/** Sign in and read the signed-in user's own profile. */
	USER_READ("User.Read", Kind.SELF_SERVICE),

	/** Read every user's profile. */
	USER_READ_ALL("User.Read.All", Kind.DIRECTORY),

	/** Create, update and delete users, including their passwords; import users. */
	USER_READ_WRITE_ALL("User.ReadWrite.All", Kind.DIRECTORY),

	/** Read groups and their members. */
	GROUP_READ_ALL("Group.Read.All", Kind.DIRECTORY),

	/** Create groups and change their members. */
	GROUP_READ_WRITE_ALL("Group.ReadWrite.All", Kind.DIRECTORY),

	/** Read directory role definitions and assignments. */
	ROLE_MANAGEMENT_READ_DIRECTORY("RoleManagement.Read.Directory", Kind.DIRECTORY),

	/** Assign and remove directory roles. */
	ROLE_MANAGEMENT_READ_WRITE_DIRECTORY("RoleManagement.ReadWrite.Directory", Kind.DIRECTORY),

	/** Read the token inventory and the policies. */
	POLICY_READ_ALL("Policy.Read.All", Kind.DIRECTORY),

	/** Read the authentication methods policy. */
	POLICY_READ_AUTHENTICATION_METHOD("Policy.Read.AuthenticationMethod", Kind.DIRECTORY),

	/** Manage the token inventory and the authentication methods policy. */
	POLICY_READ_WRITE_AUTHENTICATION_METHOD("Policy.ReadWrite.AuthenticationMethod", Kind.DIRECTORY),

	/** Read the signed-in user's own authentication methods. */
	USER_AUTHENTICATION_METHOD_READ("UserAuthenticationMethod.Read", Kind.SELF_SERVICE),

	/** Manage the signed-in user's own authentication methods. */
	USER_AUTHENTICATION_METHOD_READ_WRITE("UserAuthenticationMethod.ReadWrite", Kind.SELF_SERVICE),

	/** Read every user's authentication methods. */
	USER_AUTHENTICATION_METHOD_READ_ALL("UserAuthenticationMethod.Read.All", Kind.DIRECTORY),

	/** Manage every user's authentication methods. */
	USER_AUTHENTICATION_METHOD_READ_WRITE_ALL("UserAuthenticationMethod.ReadWrite.All", Kind.DIRECTORY),

	/** Read the audit and sign-in logs. */
	AUDIT_LOG_READ_ALL("AuditLog.Read.All", Kind.DIRECTORY),

	/** Read app registrations. */
	APPLICATION_READ_ALL("Application.Read.All", Kind.DIRECTORY),

	/** Create app registrations and grant them permissions. */
	APPLICATION_READ_WRITE_ALL("Application.ReadWrite.All", Kind.DIRECTORY),

	/** Keyfob's own: check users' one-time codes through the verify API. */
	HARDWARE_OATH_VERIFY("HardwareOath.Verify", Kind.DIRECTORY);

	private final String scope;

	private final Kind kind;

	GraphPermission(String scope, Kind kind) {
		this.scope = scope;
		this.kind = kind;
	}

	/**
	 * The Graph name, which is both the OAuth2 scope and the granted authority.
	 * @return for example {@code Policy.Read.All}
	 */
	public String scope() {
		return this.scope;
	}

	/**
	 * Whether this permission acts only on the signed-in user (and so exists only for
	 * delegated tokens).
	 * @return {@code true} for {@code User.Read}, {@code UserAuthenticationMethod.Read}
	 * and {@code UserAuthenticationMethod.ReadWrite}
	 */
	public boolean isSelfService() {
		return this.kind == Kind.SELF_SERVICE;
	}

	/**
	 * Look up a permission by its Graph name; the name is matched exactly, as OAuth2
	 * scopes are.
	 * @param scope the Graph name
	 * @return the permission, or empty when Keyfob has none of that name
	 */
	public static Optional<GraphPermission> fromScope(String scope) {
		return Arrays.stream(values()).filter((p) -> p.scope.equals(scope)).findFirst();
	}

	/**
	 * The permissions an application can be granted.
	 * @return every permission that is not self-service
	 */
	public static Set<GraphPermission> applicationPermissions() {
		return Arrays.stream(values())
			.filter((p) -> !p.isSelfService())
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(GraphPermission.class)));
	}

	/**
	 * The permissions every signed-in user has on themselves.
	 * @return the self-service permissions
	 */
	public static Set<GraphPermission> selfServicePermissions() {
		return Arrays.stream(values())
			.filter(GraphPermission::isSelfService)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(GraphPermission.class)));
	}

	/**
	 * The Graph names of some permissions.
	 * @param permissions the permissions
	 * @return their names
	 */
	public static Set<String> scopes(Set<GraphPermission> permissions) {
		return permissions.stream().map(GraphPermission::scope).collect(Collectors.toUnmodifiableSet());
	}

	private enum Kind {

		SELF_SERVICE, DIRECTORY

	}

}
