package io.keyfob.portal.admin;

import io.keyfob.portal.web.AdminRight;
import io.keyfob.portal.web.PortalUser;

import org.springframework.security.access.AccessDeniedException;

/**
 * The one check in front of every admin page and action: does the signed-in admin hold
 * the right? A refusal becomes the "no access" page.
 */
final class AdminAccess {

	private AdminAccess() {
	}

	static void require(PortalUser me, AdminRight right) {
		if (!me.can(right)) {
			throw new AccessDeniedException("Missing admin right " + right);
		}
	}

	static void requireAdmin(PortalUser me) {
		if (!me.isAdmin()) {
			throw new AccessDeniedException("Not an admin");
		}
	}

}
