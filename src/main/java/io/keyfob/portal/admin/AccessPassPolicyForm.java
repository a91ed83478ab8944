package io.keyfob.portal.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.keyfob.accesspass.AccessPassException;
import io.keyfob.accesspass.TemporaryAccessPassPolicy;
import io.keyfob.policy.AuthenticationMethodState;
import io.keyfob.portal.web.FormProblems;
import io.keyfob.portal.web.Problem;
import org.jspecify.annotations.Nullable;

/**
 * The Temporary Access Pass policy page's form. The numbers stay text, so a refused value
 * is shown back as typed. The limits are not checked here: {@link #read} builds the
 * policy the way the Graph API does, and a refusal of the accesspass module becomes the
 * message next to the field of the refused property (fields are named like Graph's
 * properties).
 *
 * @param enabled whether the method is on
 * @param allUsers whether it is for all users rather than members of the chosen groups
 * @param includeGroups ids of the chosen groups
 * @param excludeGroups ids of the excluded groups
 * @param defaultLifetimeInMinutes as typed
 * @param minimumLifetimeInMinutes as typed
 * @param maximumLifetimeInMinutes as typed
 * @param defaultLength as typed
 * @param isUsableOnce whether every pass is one-time
 * @param usableForVerify whether the verify API and RADIUS accept a pass
 */
record AccessPassPolicyForm(boolean enabled, boolean allUsers, Set<String> includeGroups, Set<String> excludeGroups,
		String defaultLifetimeInMinutes, String minimumLifetimeInMinutes, String maximumLifetimeInMinutes,
		String defaultLength, boolean isUsableOnce, boolean usableForVerify) {

	AccessPassPolicyForm {
		includeGroups = Set.copyOf(includeGroups);
		excludeGroups = Set.copyOf(excludeGroups);
	}

	/**
	 * The form as it shows the policy in force.
	 * @param policy the policy
	 * @return the filled-in form
	 */
	static AccessPassPolicyForm of(TemporaryAccessPassPolicy policy) {
		return new AccessPassPolicyForm(policy.state() == AuthenticationMethodState.ENABLED,
				policy.includeTargets().contains(TemporaryAccessPassPolicy.ALL_USERS),
				Set.copyOf(policy.includeTargets()), Set.copyOf(policy.excludeTargets()),
				String.valueOf(policy.defaultLifetimeInMinutes()), String.valueOf(policy.minimumLifetimeInMinutes()),
				String.valueOf(policy.maximumLifetimeInMinutes()), String.valueOf(policy.defaultLength()),
				policy.isUsableOnce(), policy.usableForVerify());
	}

	/**
	 * Read the fields into a policy, checked by its constructor as for the API.
	 * @param problems where field messages go
	 * @return the policy, or {@code null} if a field is refused
	 */
	@Nullable TemporaryAccessPassPolicy read(FormProblems problems) {
		Integer defaultLifetime = number("defaultLifetimeInMinutes", this.defaultLifetimeInMinutes, problems);
		Integer minimumLifetime = number("minimumLifetimeInMinutes", this.minimumLifetimeInMinutes, problems);
		Integer maximumLifetime = number("maximumLifetimeInMinutes", this.maximumLifetimeInMinutes, problems);
		Integer length = number("defaultLength", this.defaultLength, problems);
		if (defaultLifetime == null || minimumLifetime == null || maximumLifetime == null || length == null) {
			return null;
		}
		List<String> includes = this.allUsers ? List.of(TemporaryAccessPassPolicy.ALL_USERS)
				: new ArrayList<>(new LinkedHashSet<>(this.includeGroups));
		try {
			return new TemporaryAccessPassPolicy(
					this.enabled ? AuthenticationMethodState.ENABLED : AuthenticationMethodState.DISABLED, includes,
					List.copyOf(this.excludeGroups), defaultLifetime, minimumLifetime, maximumLifetime, length,
					this.isUsableOnce, this.usableForVerify);
		}
		catch (AccessPassException ex) {
			refused(ex, problems);
			return null;
		}
	}

	/**
	 * Put a refusal of the accesspass module next to its field.
	 * @param refusal the refusal
	 * @param problems where field messages go
	 */
	static void refused(AccessPassException refusal, FormProblems problems) {
		String problem = refusal.problem();
		problems.add(new Problem(refusal.property(), Character.toUpperCase(problem.charAt(0)) + problem.substring(1)));
	}

	private static @Nullable Integer number(String field, String value, FormProblems problems) {
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(field, "Enter a whole number, such as " + ("defaultLength".equals(field) ? "8." : "60."));
			return null;
		}
	}

}
