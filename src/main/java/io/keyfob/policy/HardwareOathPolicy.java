package io.keyfob.policy;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The hardware OATH method policy (Graph:
 * {@code hardwareOathAuthenticationMethodConfiguration}): whether the method is on, for
 * whom, and who is left out.
 *
 * @param state enabled or disabled
 * @param includeTargets who may use the method: every user or members of groups
 * @param excludeTargets members of these groups may not, even when included
 */
public record HardwareOathPolicy(AuthenticationMethodState state, List<IncludeTarget> includeTargets,
		List<ExcludeTarget> excludeTargets) {

	/** The policy id in Graph paths and bodies. */
	public static final String ID = "HardwareOath";

	/** The include target that stands for every user. */
	public static final String ALL_USERS = "all_users";

	public HardwareOathPolicy {
		Objects.requireNonNull(state, "state must not be null");
		includeTargets = List.copyOf(includeTargets);
		excludeTargets = List.copyOf(excludeTargets);
	}

	/**
	 * Who may use the method (Graph: {@code authenticationMethodTarget}, always of
	 * {@code targetType} group).
	 *
	 * @param id {@value HardwareOathPolicy#ALL_USERS} or a group id
	 * @param registrationRequired whether the targeted users are asked to register a
	 * token
	 */
	public record IncludeTarget(String id, boolean registrationRequired) {

		public IncludeTarget {
			Objects.requireNonNull(id, "id must not be null");
		}

		/**
		 * Whether this target is every user.
		 * @return {@code true} for {@value HardwareOathPolicy#ALL_USERS}
		 */
		public boolean allUsers() {
			return ALL_USERS.equals(this.id);
		}

		/**
		 * The group of this target.
		 * @return the group id
		 * @throws IllegalStateException for the all-users target
		 */
		public UUID groupId() {
			if (allUsers()) {
				throw new IllegalStateException("The all-users target is not a group");
			}
			return UUID.fromString(this.id);
		}

	}

	/**
	 * A group whose members may not use the method.
	 *
	 * @param groupId the group
	 */
	public record ExcludeTarget(UUID groupId) {

		public ExcludeTarget {
			Objects.requireNonNull(groupId, "groupId must not be null");
		}

	}

}
