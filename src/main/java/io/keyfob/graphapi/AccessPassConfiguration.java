package io.keyfob.graphapi;

import java.util.Map;

import io.keyfob.accesspass.TemporaryAccessPasses;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The Temporary Access Pass entry of the policy root's
 * {@code authenticationMethodConfigurations}. A component of its own: the policy
 * controller is a security proxy, whose package-private methods must not be called from
 * outside.
 */
@Component
final class AccessPassConfiguration implements AuthenticationMethodConfiguration {

	private final TemporaryAccessPasses passes;

	AccessPassConfiguration(TemporaryAccessPasses passes) {
		this.passes = passes;
	}

	@Override
	public Map<String, @Nullable Object> representation() {
		return AccessPassPolicyController.representation(this.passes.policy());
	}

}
