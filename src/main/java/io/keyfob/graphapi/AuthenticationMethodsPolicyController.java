package io.keyfob.graphapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The policy root, {@code /beta/policies/authenticationMethodsPolicy}, as
 * {@code Get-MgBetaPolicyAuthenticationMethodPolicy} reads it: fixed properties plus
 * every {@link AuthenticationMethodConfiguration} Keyfob serves.
 */
@RestController
class AuthenticationMethodsPolicyController {

	static final String PATH = "/beta/policies/authenticationMethodsPolicy";

	private final List<AuthenticationMethodConfiguration> configurations;

	AuthenticationMethodsPolicyController(List<AuthenticationMethodConfiguration> configurations) {
		this.configurations = configurations;
	}

	@GetMapping(PATH)
	@PreAuthorize(HardwareOathPolicyController.READ)
	Map<String, @Nullable Object> get() {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.context",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/beta/$metadata").toUriString()
						+ "#policies/authenticationMethodsPolicy/$entity");
		body.put("id", "authenticationMethodsPolicy");
		body.put("displayName", "Authentication Methods Policy");
		body.put("description", "The tenant-wide policy that controls which authentication methods are allowed "
				+ "in the tenant, authentication method registration requirements, and self-service password reset "
				+ "settings");
		body.put("policyVersion", "1.5");
		body.put("authenticationMethodConfigurations",
				this.configurations.stream().map(AuthenticationMethodConfiguration::representation).toList());
		return body;
	}

}
