package io.keyfob.policy;

import java.util.List;

import io.keyfob.policy.HardwareOathPolicy.ExcludeTarget;
import io.keyfob.policy.HardwareOathPolicy.IncludeTarget;
import org.jspecify.annotations.Nullable;

/**
 * A change to the hardware OATH policy (Graph: PATCH). A {@code null} part keeps its
 * value; a list replaces the whole list.
 *
 * @param state the new state
 * @param includeTargets the new include targets
 * @param excludeTargets the new exclude targets
 */
public record HardwareOathPolicyChange(@Nullable AuthenticationMethodState state,
		@Nullable List<IncludeTarget> includeTargets, @Nullable List<ExcludeTarget> excludeTargets) {

	HardwareOathPolicy applyTo(HardwareOathPolicy policy) {
		return new HardwareOathPolicy((this.state != null) ? this.state : policy.state(),
				(this.includeTargets != null) ? this.includeTargets : policy.includeTargets(),
				(this.excludeTargets != null) ? this.excludeTargets : policy.excludeTargets());
	}

}
