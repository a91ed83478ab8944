package io.keyfob.graphapi;

import java.util.UUID;

import io.keyfob.authmethod.Actor;
import io.keyfob.directory.DirectoryRole;

/**
 * Who acts on a user's methods, as the {@code authmethod} module needs to know it.
 */
final class Actors {

	private Actors() {
	}

	/**
	 * The actor for a call that targets a user: an application, the user themself, or an
	 * administrator, privileged if they hold Privileged Authentication Administrator or
	 * Global Administrator.
	 * @param caller the caller
	 * @param targetUserId the user acted on
	 * @return the actor
	 */
	static Actor of(GraphCaller caller, UUID targetUserId) {
		if (caller.isApplication()) {
			return Actor.application(caller.clientId());
		}
		UUID userId = caller.requireUserId();
		if (caller.isSelf(targetUserId)) {
			return Actor.self(userId, caller.clientId());
		}
		boolean privileged = caller.roles().contains(DirectoryRole.GLOBAL_ADMINISTRATOR)
				|| caller.roles().contains(DirectoryRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR);
		return Actor.administrator(userId, caller.clientId(), privileged);
	}

}
