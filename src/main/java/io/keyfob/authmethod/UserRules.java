package io.keyfob.authmethod;

import java.util.Optional;
import java.util.UUID;

/**
 * What this module needs to know about a user from the directory and the method policy.
 */
interface UserRules {

	/**
	 * Whether the user exists.
	 * @param userId the user
	 * @return whether there is such a user
	 */
	boolean exists(UUID userId);

	/**
	 * Whether the user holds an administrator role, so that only a Privileged
	 * Authentication Administrator (or Global Administrator) may change their methods.
	 * @param userId the user
	 * @return whether the user holds an admin role
	 */
	boolean holdsAdminRole(UUID userId);

	/**
	 * Whether the hardware OATH method policy targets the user.
	 * @param userId the user
	 * @return whether the user may register and use hardware tokens
	 */
	boolean isMethodEnabledFor(UUID userId);

	/**
	 * The user a reference names, if there is one whose account may sign in.
	 * @param user the id or the sign-in name
	 * @return the user's id, or empty for no such user or a disabled account
	 */
	Optional<UUID> enabledUser(UserReference user);

}
