package io.keyfob.authmethod;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who asks for a change to a user's methods: the user themself, an administrator acting
 * on someone (delegated), or an application with its own permissions. The HTTP adapters
 * decide which permission lets the caller in; this says on whom it may act.
 *
 * @param kind self, administrator or application
 * @param userId the signed-in user, or {@code null} for an application
 * @param clientId the OAuth2 client the request came through, or {@code null}
 * @param privileged for an administrator: holds Privileged Authentication Administrator
 * or Global Administrator, so may act on users who hold an admin role
 */
public record Actor(Kind kind, @Nullable UUID userId, @Nullable String clientId, boolean privileged) {

	/**
	 * The user acts on their own methods (Graph: {@code /me}).
	 * @param userId the user
	 * @param clientId the client the request came through, or {@code null}
	 * @return the actor
	 */
	public static Actor self(UUID userId, @Nullable String clientId) {
		return new Actor(Kind.SELF, userId, clientId, false);
	}

	/**
	 * An administrator acts on a user.
	 * @param userId the administrator
	 * @param clientId the client the request came through, or {@code null}
	 * @param privileged whether they hold Privileged Authentication Administrator or
	 * Global Administrator
	 * @return the actor
	 */
	public static Actor administrator(UUID userId, @Nullable String clientId, boolean privileged) {
		return new Actor(Kind.ADMINISTRATOR, userId, clientId, privileged);
	}

	/**
	 * An application acts with its own permissions (client credentials). Graph does not
	 * limit application permissions by the target's roles.
	 * @param clientId the application's client id
	 * @return the actor
	 */
	public static Actor application(String clientId) {
		return new Actor(Kind.APPLICATION, null, clientId, true);
	}

	/**
	 * Whether this is the user acting on their own methods.
	 * @param targetUserId the user whose methods change
	 * @return whether the actor is that user, acting as themself
	 */
	public boolean isSelf(UUID targetUserId) {
		return this.kind == Kind.SELF && targetUserId.equals(this.userId);
	}

	/**
	 * The kinds of actor.
	 */
	public enum Kind {

		/** A user acting on themself. */
		SELF,

		/** A signed-in administrator acting on a user. */
		ADMINISTRATOR,

		/** An application with application permissions. */
		APPLICATION

	}

}
