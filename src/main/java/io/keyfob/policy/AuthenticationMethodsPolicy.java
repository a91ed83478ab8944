package io.keyfob.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.Directory;
import io.keyfob.policy.HardwareOathPolicy.ExcludeTarget;
import io.keyfob.policy.HardwareOathPolicy.IncludeTarget;
import io.keyfob.policy.jdbc.JdbcHardwareOathPolicy;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authentication methods policy for hardware OATH tokens (Graph:
 * {@code /policies/authenticationMethodsPolicy/authenticationMethodConfigurations/hardwareOath}).
 * Disabled on a new install, as in Entra. Nothing is cached: a change of the policy or of
 * a group's members applies to the very next question, on every node.
 */
@Service
public class AuthenticationMethodsPolicy {

	private final JdbcHardwareOathPolicy policies;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	AuthenticationMethodsPolicy(JdbcHardwareOathPolicy policies, Directory directory,
			ApplicationEventPublisher events) {
		this.policies = policies;
		this.directory = directory;
		this.events = events;
	}

	/**
	 * The policy in force.
	 * @return the policy
	 */
	@Transactional(readOnly = true)
	public HardwareOathPolicy hardwareOath() {
		return this.policies.read();
	}

	/**
	 * Change the policy. Target groups must exist; a group may appear once per list.
	 * @param change what to change
	 * @return the policy now in force
	 * @throws PolicyTargetException if a target is not valid
	 */
	@Transactional
	public HardwareOathPolicy updateHardwareOath(HardwareOathPolicyChange change) {
		HardwareOathPolicy previous = this.policies.lock();
		HardwareOathPolicy updated = change.applyTo(previous);
		checkTargets(updated);
		if (!updated.equals(previous)) {
			this.policies.write(updated);
			this.events.publishEvent(new HardwareOathPolicyChanged(previous, updated));
		}
		return updated;
	}

	/**
	 * Whether a user may use hardware OATH tokens: the method is enabled, the user is
	 * included (all users, or a member of an included group) and not a member of an
	 * excluded group.
	 * @param userId the user
	 * @return {@code true} if the policy targets the user
	 */
	@Transactional(readOnly = true)
	public boolean isEnabledFor(UUID userId) {
		HardwareOathPolicy policy = this.policies.read();
		return policy.state() == AuthenticationMethodState.ENABLED && !matching(policy, userId).isEmpty();
	}

	/**
	 * Whether a user must register a hardware OATH token: the policy targets the user
	 * through a target that requires registration.
	 * @param userId the user
	 * @return {@code true} if registration is required
	 */
	@Transactional(readOnly = true)
	public boolean isRegistrationRequiredFor(UUID userId) {
		HardwareOathPolicy policy = this.policies.read();
		return policy.state() == AuthenticationMethodState.ENABLED
				&& matching(policy, userId).stream().anyMatch(IncludeTarget::registrationRequired);
	}

	// the include targets that reach the user, none if an exclude target does
	private List<IncludeTarget> matching(HardwareOathPolicy policy, UUID userId) {
		List<UUID> excluded = policy.excludeTargets().stream().map(ExcludeTarget::groupId).toList();
		if (!excluded.isEmpty() && this.directory.isMemberOfAny(userId, excluded)) {
			return List.of();
		}
		return policy.includeTargets()
			.stream()
			.filter((target) -> target.allUsers() || this.directory.isMemberOfAny(userId, List.of(target.groupId())))
			.toList();
	}

	private void checkTargets(HardwareOathPolicy policy) {
		Set<String> seen = new HashSet<>();
		for (IncludeTarget target : policy.includeTargets()) {
			if (!seen.add(target.id())) {
				throw new PolicyTargetException("includeTargets: '" + target.id() + "' is listed twice; list each "
						+ "group once (or all_users alone)");
			}
			if (!target.allUsers()) {
				requireGroup("includeTargets", target.groupId());
			}
		}
		Set<UUID> excluded = new HashSet<>();
		for (ExcludeTarget target : policy.excludeTargets()) {
			if (!excluded.add(target.groupId())) {
				throw new PolicyTargetException(
						"excludeTargets: group " + target.groupId() + " is listed twice; list each group once");
			}
			requireGroup("excludeTargets", target.groupId());
		}
	}

	private void requireGroup(String property, UUID groupId) {
		if (this.directory.findGroup(groupId).isEmpty()) {
			throw new PolicyTargetException(property + ": no group has id " + groupId
					+ "; give the id of an existing group, as /beta/groups lists it, or all_users");
		}
	}

}
