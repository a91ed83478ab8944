package io.keyfob.graphapi;

import java.util.UUID;

import io.keyfob.authmethod.Actor;

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
		if (!caller.isApplication() && caller.isSelf(targetUserId)) {
			return Actor.self(caller.requireUserId(), caller.clientId());
		}
		return acting(caller);
	}

	/**
	 * The actor for a call that may touch many users, such as a seed file import: an
	 * application, or an administrator (privileged as above) even where a user is the
	 * caller themself.
	 * @param caller the caller
	 * @return the actor
	 */
	static Actor acting(GraphCaller caller) {
		if (caller.isApplication()) {
			return Actor.application(caller.clientId());
		}
		return Actor.administrator(caller.requireUserId(), caller.clientId(), caller.isPrivileged());
	}

}
