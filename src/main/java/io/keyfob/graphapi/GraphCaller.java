package io.keyfob.graphapi;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.keyfob.directory.DirectoryRole;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling the HTTP API: an application on its own (app-only token) or a user
 * through an application (delegated token). A controller gets it as a method argument.
 * Its {@link #permissions()} are the caller's effective Graph permissions, the same names
 * as the granted authorities that {@code @PreAuthorize} checks.
 * <p>
 * The target rule of docs/design.md, "Authentication and authorization" is
 * {@link #mayManageUser(UUID)}: an application may act on anyone; a user may act on
 * themselves; a delegated Authentication Administrator may act only on users who hold no
 * admin role; a Privileged Authentication Administrator or a Global Administrator may act
 * on anyone. Immutable.
 */
public final class GraphCaller {

	private final @Nullable UUID userId;

	private final String clientId;

	private final Set<String> permissions;

	private final Set<DirectoryRole> roles;

	private final Predicate<UUID> holdsAdminRole;

	private GraphCaller(@Nullable UUID userId, String clientId, Set<String> permissions, Set<DirectoryRole> roles,
			Predicate<UUID> holdsAdminRole) {
		this.userId = userId;
		this.clientId = clientId;
		this.permissions = Set.copyOf(permissions);
		this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		this.holdsAdminRole = holdsAdminRole;
	}

	/**
	 * An application calling on its own behalf.
	 * @param clientId its client id
	 * @param permissions its effective application permissions
	 * @return the caller
	 */
	public static GraphCaller application(String clientId, Set<String> permissions) {
		return new GraphCaller(null, clientId, permissions, Set.of(), (target) -> false);
	}

	/**
	 * A user calling through an application.
	 * @param userId the user's object id
	 * @param clientId the application's client id
	 * @param permissions the effective permissions: the token's scopes intersected with
	 * what the user's roles and self-service give
	 * @param roles the directory roles the user holds now
	 * @param holdsAdminRole tells whether a target user holds an admin role
	 * @return the caller
	 */
	public static GraphCaller delegated(UUID userId, String clientId, Set<String> permissions, Set<DirectoryRole> roles,
			Predicate<UUID> holdsAdminRole) {
		return new GraphCaller(userId, clientId, permissions, roles, holdsAdminRole);
	}

	/**
	 * The signed-in user, for delegated tokens.
	 * @return the user's object id, or empty for an application
	 */
	public Optional<UUID> userId() {
		return Optional.ofNullable(this.userId);
	}

	/**
	 * The signed-in user, for endpoints that exist only for users such as {@code /me}.
	 * @return the user's object id
	 * @throws KeyfobException {@code INVALID} (Graph answers 400) for an application
	 */
	public UUID requireUserId() {
		if (this.userId == null) {
			throw new KeyfobException(ErrorKind.INVALID, "BadRequest",
					"/me request is only valid with delegated authentication flow.");
		}
		return this.userId;
	}

	/**
	 * The application that holds the token.
	 * @return its client id
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * Whether an application calls on its own behalf (an app-only token).
	 * @return {@code true} for app-only tokens
	 */
	public boolean isApplication() {
		return this.userId == null;
	}

	/**
	 * The effective Graph permissions.
	 * @return permission names such as {@code Policy.Read.All}
	 */
	public Set<String> permissions() {
		return this.permissions;
	}

	/**
	 * The directory roles of a delegated caller, read from the directory on this request.
	 * @return the roles; empty for an application
	 */
	public Set<DirectoryRole> roles() {
		return this.roles;
	}

	/**
	 * Whether the caller is a privileged administrator, who may act on users who hold an
	 * admin role ({@link DirectoryRole#isPrivileged}).
	 * @return whether the caller's roles make them privileged; {@code false} for an
	 * application
	 */
	public boolean isPrivileged() {
		return DirectoryRole.isPrivileged(this.roles);
	}

	public boolean hasPermission(String permission) {
		return this.permissions.contains(permission);
	}

	/**
	 * Whether a user is the caller.
	 * @param userId a user's object id
	 * @return {@code true} for a delegated caller acting on themselves
	 */
	public boolean isSelf(UUID userId) {
		return userId.equals(this.userId);
	}

	/**
	 * The target rule of docs/design.md, "Authentication and authorization" for changing
	 * a user's authentication methods. It does not check permissions:
	 * {@code @PreAuthorize} does that.
	 * @param targetUserId the user acted on
	 * @return whether this caller may act on that user
	 */
	public boolean mayManageUser(UUID targetUserId) {
		if (isApplication() || isSelf(targetUserId) || isPrivileged()) {
			return true;
		}
		return !this.holdsAdminRole.test(targetUserId);
	}

	/**
	 * The target rule for reading a user's authentication methods: as
	 * {@link #mayManageUser(UUID)}, and a Global Reader may read anyone's.
	 * @param targetUserId the user read
	 * @return whether this caller may read that user's methods
	 */
	public boolean mayReadUser(UUID targetUserId) {
		return this.roles.contains(DirectoryRole.GLOBAL_READER) || mayManageUser(targetUserId);
	}

	/**
	 * Refuse unless {@link #mayManageUser(UUID)}.
	 * @param targetUserId the user acted on
	 * @throws KeyfobException {@code FORBIDDEN} with code
	 * {@code Authorization_RequestDenied}
	 */
	public void requireMayManageUser(UUID targetUserId) {
		if (!mayManageUser(targetUserId)) {
			throw adminTargetDenied();
		}
	}

	/**
	 * Refuse unless {@link #mayReadUser(UUID)}.
	 * @param targetUserId the user read
	 * @throws KeyfobException {@code FORBIDDEN} with code
	 * {@code Authorization_RequestDenied}
	 */
	public void requireMayReadUser(UUID targetUserId) {
		if (!mayReadUser(targetUserId)) {
			throw adminTargetDenied();
		}
	}

	private static KeyfobException adminTargetDenied() {
		return new KeyfobException(ErrorKind.FORBIDDEN, "Authorization_RequestDenied",
				"Insufficient privileges to complete the operation: this user holds an admin role, so acting on "
						+ "them needs the Privileged Authentication Administrator or Global Administrator role.");
	}

	@Override
	public String toString() {
		return (this.userId != null) ? "GraphCaller[user=" + this.userId + ", client=" + this.clientId + "]"
				: "GraphCaller[application=" + this.clientId + "]";
	}

}
