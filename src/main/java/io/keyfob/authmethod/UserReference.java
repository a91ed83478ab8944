package io.keyfob.authmethod;

import java.util.UUID;

/**
 * Whose code it is, as the caller knows the user: by object id (the web sign-in, which
 * knows who passed the password step) or by user principal name (the verify API, RADIUS).
 */
public sealed interface UserReference {

	/**
	 * A user by object id.
	 * @param id the id
	 * @return the reference
	 */
	static UserReference id(UUID id) {
		return new ById(id);
	}

	/**
	 * A user by sign-in name, compared as the directory compares names; surrounding
	 * spaces are ignored.
	 * @param userPrincipalName the name as given
	 * @return the reference
	 */
	static UserReference principalName(String userPrincipalName) {
		return new ByPrincipalName(userPrincipalName.strip());
	}

	/**
	 * A user by object id.
	 *
	 * @param id the id
	 */
	record ById(UUID id) implements UserReference {
	}

	/**
	 * A user by sign-in name.
	 *
	 * @param userPrincipalName the name, stripped
	 */
	record ByPrincipalName(String userPrincipalName) implements UserReference {
	}

}
