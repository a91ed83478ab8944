package io.keyfob.audit;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;

/**
 * The actor and client of an authenticated caller.
 *
 * @param actor who acts
 * @param appId the client the caller came through, if any
 */
record CallerIdentity(Actor actor, @Nullable String appId) {

	static CallerIdentity of(Authentication authentication) {
		return new CallerIdentity(Actor.user(null, authentication.getName()), null);
	}

}
