package io.keyfob.graphapi;

import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.DirectoryRole;
import io.keyfob.shared.KeyfobException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The target rule of docs/design.md, "Authentication and authorization".
 */
class GraphCallerTests {

	private static final UUID ADMIN = UUID.randomUUID();

	private static final UUID MEMBER = UUID.randomUUID();

	private static final UUID SELF = UUID.randomUUID();

	@Test
	void mayManageUserWhenAuthenticationAdministratorThenOnlyNonAdminsAndSelf() {
		GraphCaller caller = delegated(DirectoryRole.AUTHENTICATION_ADMINISTRATOR);
		assertThat(caller.mayManageUser(MEMBER)).isTrue();
		assertThat(caller.mayManageUser(SELF)).isTrue();
		assertThat(caller.mayManageUser(ADMIN)).isFalse();
		assertThatExceptionOfType(KeyfobException.class).isThrownBy(() -> caller.requireMayManageUser(ADMIN))
			.withMessageContaining("Privileged Authentication Administrator")
			.extracting(KeyfobException::code)
			.isEqualTo("Authorization_RequestDenied");
	}

	@Test
	void mayManageUserWhenPrivilegedOrGlobalAdministratorThenAnyone() {
		assertThat(delegated(DirectoryRole.PRIVILEGED_AUTHENTICATION_ADMINISTRATOR).mayManageUser(ADMIN)).isTrue();
		assertThat(delegated(DirectoryRole.GLOBAL_ADMINISTRATOR).mayManageUser(ADMIN)).isTrue();
	}

	@Test
	void mayManageUserWhenApplicationThenAnyone() {
		GraphCaller app = GraphCaller.application("client", Set.of("UserAuthenticationMethod.ReadWrite.All"));
		assertThat(app.mayManageUser(ADMIN)).isTrue();
		assertThat(app.isApplication()).isTrue();
		assertThat(app.userId()).isEmpty();
		assertThatExceptionOfType(KeyfobException.class).isThrownBy(app::requireUserId)
			.extracting(KeyfobException::code)
			.isEqualTo("BadRequest");
	}

	@Test
	void mayReadUserWhenGlobalReaderThenAnyoneButMayNotManageAdmins() {
		GraphCaller reader = delegated(DirectoryRole.GLOBAL_READER);
		assertThat(reader.mayReadUser(ADMIN)).isTrue();
		assertThat(reader.mayManageUser(ADMIN)).isFalse();
	}

	private static GraphCaller delegated(DirectoryRole role) {
		return GraphCaller.delegated(SELF, "keyfob-cli", Set.of(), Set.of(role), ADMIN::equals);
	}

}
