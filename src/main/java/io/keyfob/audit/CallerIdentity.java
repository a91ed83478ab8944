package io.keyfob.audit;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.keyfob.shared.ApplicationNames;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The actor and client of an authenticated caller, as Keyfob's tokens and sessions
 * describe them: an app-only token ({@code idtyp: app}) is the application
 * {@code client_id}; a delegated token is the user {@code oid} through the client
 * {@code client_id}; a web session's principal name is the user's object id.
 *
 * @param actor who acts
 * @param appId the client the caller came through, if any
 */
record CallerIdentity(AuditActor actor, @Nullable String appId) {

	/**
	 * Read a caller.
	 * @param authentication the caller's authentication
	 * @param principalNames finds a user's principal name by object id
	 * @param applicationNames names an application by its client id
	 * @return the identity
	 */
	static CallerIdentity of(Authentication authentication, Function<UUID, Optional<String>> principalNames,
			ApplicationNames applicationNames) {
		if (authentication instanceof JwtAuthenticationToken bearer) {
			Jwt jwt = bearer.getToken();
			String clientId = jwt.getClaimAsString("client_id");
			if ("app".equals(jwt.getClaimAsString("idtyp"))) {
				return new CallerIdentity(AuditActor.app(clientId, applicationNames.displayName(clientId)), clientId);
			}
			return new CallerIdentity(user(jwt.getClaimAsString("oid"), principalNames), clientId);
		}
		String name = (authentication.getPrincipal() instanceof UserDetails details) ? details.getUsername()
				: authentication.getName();
		return new CallerIdentity(user(name, principalNames), null);
	}

	private static AuditActor user(@Nullable String id, Function<UUID, Optional<String>> principalNames) {
		if (id == null) {
			return AuditActor.user(null, null);
		}
		try {
			return AuditActor.user(id, principalNames.apply(UUID.fromString(id)).orElse(null));
		}
		catch (IllegalArgumentException ex) {
			return AuditActor.user(null, id);
		}
	}

}
