package io.keyfob.portal.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.Directory;
import io.keyfob.directory.DirectoryRole;
import io.keyfob.directory.GraphPermission;
import io.keyfob.directory.User;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Finds the signed-in person of a request and what the admin center lets them do. The
 * sign-in module makes the principal's name the user's object id; rights come from the
 * user's directory roles through the permissions each role gives in the Graph API, so a
 * page offers exactly what the API would allow the same person. Roles are read on every
 * request: a role taken away applies at once.
 */
@Component
public class PortalUsers {

	private static final Map<AdminRight, Set<GraphPermission>> GRANTED_BY = Map.of(AdminRight.READ_INVENTORY,
			Set.of(GraphPermission.POLICY_READ_ALL), AdminRight.MANAGE_INVENTORY,
			Set.of(GraphPermission.POLICY_READ_WRITE_AUTHENTICATION_METHOD), AdminRight.READ_METHODS,
			Set.of(GraphPermission.USER_AUTHENTICATION_METHOD_READ_ALL), AdminRight.MANAGE_METHODS,
			Set.of(GraphPermission.USER_AUTHENTICATION_METHOD_READ_WRITE_ALL), AdminRight.MANAGE_USERS,
			Set.of(GraphPermission.USER_READ_WRITE_ALL), AdminRight.READ_POLICY,
			Set.of(GraphPermission.POLICY_READ_AUTHENTICATION_METHOD, GraphPermission.POLICY_READ_ALL),
			AdminRight.MANAGE_POLICY, Set.of(GraphPermission.POLICY_READ_WRITE_AUTHENTICATION_METHOD),
			AdminRight.READ_AUDIT, Set.of(GraphPermission.AUDIT_LOG_READ_ALL), AdminRight.READ_RADIUS_CLIENTS,
			Set.of(GraphPermission.APPLICATION_READ_ALL, GraphPermission.APPLICATION_READ_WRITE_ALL),
			AdminRight.MANAGE_RADIUS_CLIENTS, Set.of(GraphPermission.APPLICATION_READ_WRITE_ALL));

	private final Directory directory;

	PortalUsers(Directory directory) {
		this.directory = directory;
	}

	/**
	 * The signed-in person.
	 * @param authentication the request's authentication
	 * @return the person with their admin rights
	 * @throws AccessDeniedException if the principal is not a directory user
	 */
	public PortalUser current(Authentication authentication) {
		UUID id = userId(authentication);
		User user = this.directory.findUser(id)
			.orElseThrow(() -> new AccessDeniedException("The signed-in user is no longer in the directory"));
		Set<DirectoryRole> roles = this.directory.rolesOf(id);
		return new PortalUser(id, user.userPrincipalName(), user.displayName(), rights(roles),
				DirectoryRole.isPrivileged(roles));
	}

	static Set<AdminRight> rights(Set<DirectoryRole> roles) {
		Set<GraphPermission> permissions = EnumSet.noneOf(GraphPermission.class);
		roles.forEach((role) -> permissions.addAll(role.permissions()));
		Set<AdminRight> rights = EnumSet.noneOf(AdminRight.class);
		GRANTED_BY.forEach((right, grantedBy) -> {
			if (grantedBy.stream().anyMatch(permissions::contains)) {
				rights.add(right);
			}
		});
		return rights;
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
