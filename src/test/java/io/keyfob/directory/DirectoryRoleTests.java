package io.keyfob.directory;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role table of docs/design.md, "Authentication and authorization", and the
 * permission catalogue.
 */
class DirectoryRoleTests {

	@Test
	void fromTemplateIdWhenDesignIdsThenTheFiveRoles() {
		assertThat(DirectoryRole.fromTemplateId(UUID.fromString("62e90394-69f5-4237-9190-012177145e10")))
			.contains(DirectoryRole.GLOBAL_ADMINISTRATOR);
		assertThat(DirectoryRole.fromTemplateId(UUID.fromString("f2ef992c-3afb-46b9-b7cf-a126ee74c451")))
			.contains(DirectoryRole.GLOBAL_READER);
		assertThat(DirectoryRole.fromTemplateId(UUID.fromString("0526716b-113d-4c15-b2c8-68e3c22b9f80")))
			.contains(DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR);
		assertThat(DirectoryRole.fromTemplateId(UUID.fromString("c4e39bd9-1100-46d3-8c65-fb160da0071f")))
			.contains(DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
		assertThat(DirectoryRole.fromTemplateId(UUID.fromString("7be44c8a-adaf-4e2a-84d6-ab2649e08a13")))
			.contains(DirectoryRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR);
		assertThat(DirectoryRole.fromTemplateId(UUID.randomUUID())).isEmpty();
	}

	@Test
	void permissionsWhenGlobalAdministratorThenEveryApplicationPermission() {
		assertThat(DirectoryRole.GLOBAL_ADMINISTRATOR.permissions())
			.isEqualTo(GraphPermission.applicationPermissions());
	}

	@Test
	void permissionsWhenGlobalReaderThenNothingThatWrites() {
		assertThat(DirectoryRole.GLOBAL_READER.permissions()).noneMatch((p) -> p.scope().contains("Write"));
	}

	@Test
	void permissionsWhenAuthenticationRolesThenTheSpecRights() {
		assertThat(DirectoryRole.AUTHENTICATION_POLICY_ADMINISTRATOR.permissions())
			.contains(GraphPermission.POLICY_READ_WRITE_AUTHENTICATION_METHOD)
			.doesNotContain(GraphPermission.USER_AUTHENTICATION_METHOD_READ_WRITE_ALL);
		assertThat(DirectoryRole.AUTHENTICATION_ADMINISTRATOR.permissions())
			.contains(GraphPermission.USER_AUTHENTICATION_METHOD_READ_WRITE_ALL)
			.doesNotContain(GraphPermission.POLICY_READ_WRITE_AUTHENTICATION_METHOD);
		assertThat(DirectoryRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR.permissions())
			.isEqualTo(DirectoryRole.AUTHENTICATION_ADMINISTRATOR.permissions());
	}

	@Test
	void permissionsWhenAnyRoleThenNoSelfServicePermission() {
		for (DirectoryRole role : DirectoryRole.values()) {
			assertThat(role.permissions()).doesNotContainAnyElementsOf(GraphPermission.selfServicePermissions());
		}
		assertThat(GraphPermission.selfServicePermissions())
			.isEqualTo(EnumSet.of(GraphPermission.USER_READ, GraphPermission.USER_AUTHENTICATION_METHOD_READ,
					GraphPermission.USER_AUTHENTICATION_METHOD_READ_WRITE));
	}

	@Test
	void fromScopeWhenExactNameThenFoundOtherwiseEmpty() {
		assertThat(GraphPermission.fromScope("Policy.Read.All")).contains(GraphPermission.POLICY_READ_ALL);
		assertThat(GraphPermission.fromScope("policy.read.all")).isEmpty();
	}

	@Test
	void waitWhenFailuresGrowThenDoublesFromFiveSecondsUpToFifteenMinutes() {
		assertThat(PasswordThrottle.wait(5)).isEqualTo(Duration.ofSeconds(5));
		assertThat(PasswordThrottle.wait(6)).isEqualTo(Duration.ofSeconds(10));
		assertThat(PasswordThrottle.wait(12)).isEqualTo(Duration.ofSeconds(640));
		assertThat(PasswordThrottle.wait(13)).isEqualTo(Duration.ofMinutes(15));
		assertThat(PasswordThrottle.wait(1000)).isEqualTo(Duration.ofMinutes(15));
	}

}
