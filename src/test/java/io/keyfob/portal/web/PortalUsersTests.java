package io.keyfob.portal.web;

import java.util.EnumSet;
import java.util.Set;

import io.keyfob.directory.DirectoryRole;
import org.junit.jupiter.api.Test;

import static io.keyfob.portal.web.AdminRight.MANAGE_INVENTORY;
import static io.keyfob.portal.web.AdminRight.MANAGE_METHODS;
import static io.keyfob.portal.web.AdminRight.MANAGE_POLICY;
import static io.keyfob.portal.web.AdminRight.MANAGE_USERS;
import static io.keyfob.portal.web.AdminRight.READ_AUDIT;
import static io.keyfob.portal.web.AdminRight.READ_INVENTORY;
import static io.keyfob.portal.web.AdminRight.READ_METHODS;
import static io.keyfob.portal.web.AdminRight.READ_POLICY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin center's rights per role, derived from the roles' Graph permissions
 * (docs/design.md, "Authentication and authorization"): each role sees the pages of its
 * job and nothing else.
 */
class PortalUsersTests {

	@Test
	void rightsWhenNoRoleThenNone() {
		assertThat(PortalUsers.rights(Set.of())).isEmpty();
	}

	@Test
	void rightsWhenGlobalAdministratorThenEverything() {
		assertThat(PortalUsers.rights(Set.of(DirectoryRole.GLOBAL_ADMINISTRATOR)))
			.isEqualTo(EnumSet.allOf(AdminRight.class));
	}

	@Test
	void rightsWhenGlobalReaderThenReadOnly() {
		assertThat(PortalUsers.rights(Set.of(DirectoryRole.GLOBAL_READER))).containsExactlyInAnyOrder(READ_INVENTORY,
				READ_METHODS, READ_POLICY, READ_AUDIT, AdminRight.READ_RADIUS_CLIENTS);
	}

	@Test
	void rightsWhenAuthenticationPolicyAdministratorThenInventoryAndPolicy() {
		assertThat(PortalUsers.rights(Set.of(DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR)))
			.containsExactlyInAnyOrder(READ_INVENTORY, MANAGE_INVENTORY, READ_POLICY, MANAGE_POLICY);
	}

	@Test
	void rightsWhenAuthenticationAdministratorsThenUsersMethodsOnly() {
		assertThat(PortalUsers.rights(Set.of(DirectoryRole.AUTHENTICATION_ADMINISTRATOR)))
			.containsExactlyInAnyOrder(READ_METHODS, MANAGE_METHODS);
		assertThat(PortalUsers.rights(Set.of(DirectoryRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR)))
			.containsExactlyInAnyOrder(READ_METHODS, MANAGE_METHODS);
	}

	@Test
	void rightsWhenTwoRolesThenBoth() {
		assertThat(PortalUsers.rights(
				Set.of(DirectoryRole.AUTHENTICATION_ADMINISTRATOR, DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR)))
			.containsExactlyInAnyOrder(READ_INVENTORY, MANAGE_INVENTORY, READ_POLICY, MANAGE_POLICY, READ_METHODS,
					MANAGE_METHODS)
			.doesNotContain(MANAGE_USERS, READ_AUDIT);
	}

}
