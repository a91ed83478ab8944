package io.keyfob.policy;

import java.util.List;
import java.util.UUID;

import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.policy.HardwareOathPolicy.ExcludeTarget;
import io.keyfob.policy.HardwareOathPolicy.IncludeTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.keyfob.support.TestDirectoryObjects.group;
import static io.keyfob.support.TestDirectoryObjects.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The policy against a real database: stored and read back in order, targeting computed
 * from current group membership, refused changes leave it as it was. Subclasses choose
 * the database.
 */
abstract class PolicyStoreChecks {

	@Autowired
	AuthenticationMethodsPolicy policy;

	@Autowired
	DirectoryAdministration directory;

	@BeforeEach
	void newInstall() {
		this.policy.updateHardwareOath(new HardwareOathPolicyChange(AuthenticationMethodState.DISABLED,
				List.of(new IncludeTarget(HardwareOathPolicy.ALL_USERS, false)), List.of()));
	}

	@Test
	void updateWhenTargetsThenReadBackInTheOrderGiven() {
		UUID first = group(this.directory);
		UUID second = group(this.directory);
		UUID excluded = group(this.directory);
		HardwareOathPolicy updated = this.policy
			.updateHardwareOath(new HardwareOathPolicyChange(AuthenticationMethodState.ENABLED,
					List.of(new IncludeTarget(second.toString(), true), new IncludeTarget(first.toString(), false)),
					List.of(new ExcludeTarget(excluded))));
		assertThat(this.policy.hardwareOath()).isEqualTo(updated);
		assertThat(updated.includeTargets()).extracting(IncludeTarget::id)
			.containsExactly(second.toString(), first.toString());
		assertThat(updated.excludeTargets()).containsExactly(new ExcludeTarget(excluded));
	}

	@Test
	void isEnabledForWhenMembershipChangesThenAnswerChangesAtOnce() {
		UUID user = user(this.directory, "Heidi");
		UUID staff = group(this.directory);
		UUID blocked = group(this.directory);
		this.policy.updateHardwareOath(new HardwareOathPolicyChange(AuthenticationMethodState.ENABLED,
				List.of(new IncludeTarget(staff.toString(), true)), List.of(new ExcludeTarget(blocked))));
		assertThat(this.policy.isEnabledFor(user)).isFalse();
		this.directory.addMember(staff, user);
		assertThat(this.policy.isEnabledFor(user)).isTrue();
		assertThat(this.policy.isRegistrationRequiredFor(user)).isTrue();
		this.directory.addMember(blocked, user);
		assertThat(this.policy.isEnabledFor(user)).isFalse();
		assertThat(this.policy.isRegistrationRequiredFor(user)).isFalse();
	}

	@Test
	void updateWhenGroupUnknownThenRefusedAndUnchanged() {
		HardwareOathPolicy before = this.policy.hardwareOath();
		UUID unknown = UUID.randomUUID();
		assertThatExceptionOfType(PolicyTargetException.class)
			.isThrownBy(
					() -> this.policy.updateHardwareOath(new HardwareOathPolicyChange(AuthenticationMethodState.ENABLED,
							List.of(new IncludeTarget(unknown.toString(), false)), null)))
			.withMessageContaining("no group has id " + unknown);
		assertThat(this.policy.hardwareOath()).isEqualTo(before);
	}

	@Test
	void isEnabledForWhenDisabledThenNobodyEvenIfIncluded() {
		assertThat(this.policy.isEnabledFor(UUID.randomUUID())).isFalse();
		this.policy.updateHardwareOath(new HardwareOathPolicyChange(AuthenticationMethodState.ENABLED, null, null));
		assertThat(this.policy.isEnabledFor(UUID.randomUUID())).isTrue();
	}

}
