package io.keyfob.portal.web;

import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Finds the signed-in person of a request. The sign-in module makes the principal's name
 * the user's object id.
 */
@Component
public class PortalUsers {

	/**
	 * The signed-in person.
	 * @param authentication the request's authentication
	 * @return the person with their admin rights
	 * @throws AccessDeniedException if the principal is not a directory user
	 */
	public PortalUser current(Authentication authentication) {
		UUID id = userId(authentication);
		return new PortalUser(id, authentication.getName(), authentication.getName(), Set.of(), false);
	}

	static UUID userId(Authentication authentication) {
		try {
			return UUID.fromString(authentication.getName());
		}
		catch (IllegalArgumentException ex) {
			throw new AccessDeniedException("The signed-in principal is not a directory user");
		}
	}

}
