package io.keyfob.portal.web;

import java.util.Set;
import java.util.UUID;

/**
 * The signed-in person as the pages see them.
 *
 * @param id the user's object id
 * @param userPrincipalName the sign-in name
 * @param displayName the name to greet them with
 * @param rights what they may do in the admin center; empty for a user without an admin
 * role
 * @param privileged whether they may act on users who hold an admin role (Global
 * Administrator, Privileged Authentication Administrator)
 */
public record PortalUser(UUID id, String userPrincipalName, String displayName, Set<AdminRight> rights,
		boolean privileged) {

	public PortalUser {
		rights = Set.copyOf(rights);
	}

	/**
	 * Whether the admin center has anything for this user.
	 * @return whether they hold any admin right
	 */
	public boolean isAdmin() {
		return !this.rights.isEmpty();
	}

	/**
	 * Whether they hold a right; templates call it as {@code me.can('MANAGE_POLICY')}.
	 * @param right the right's name
	 * @return whether they hold it
	 */
	public boolean can(String right) {
		return this.rights.contains(AdminRight.valueOf(right));
	}

	/**
	 * Whether they hold a right.
	 * @param right the right
	 * @return whether they hold it
	 */
	public boolean can(AdminRight right) {
		return this.rights.contains(right);
	}

}
