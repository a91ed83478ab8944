package io.keyfob.graphapi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The HTTP API's filter chain: {@code /beta/**} (Graph) and {@code /api/**} (Keyfob's
 * own) need a bearer access token from Keyfob's authorization server; no sessions, no
 * CSRF. Refusals use the Graph error envelope: 401 {@code InvalidAuthenticationToken} and
 * 403 {@code Authorization_RequestDenied}. Controllers check permissions with
 * {@code @PreAuthorize("hasAnyAuthority('Policy.Read.All', ...)")}; see
 * {@link GraphCallers} for how a token's authorities are found.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class ResourceServerConfiguration {

	/** Between the authorization server's chain (first) and the pages' chain (last). */
	static final int ORDER = 10;

	@Bean
	@Order(ORDER)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, GraphCallers callers, GraphErrors errors) {
		http.securityMatcher("/beta/**", "/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, MetadataController.METADATA)
				.permitAll()
				// uploads: the permission is checked here, before the multipart body is
				// parsed (a method's @PreAuthorize runs only after its arguments are
				// read)
				.requestMatchers(HttpMethod.POST, SeedImportsController.PATH)
				.hasAuthority(HardwareOathDevicesController.WRITE_PERMISSION)
				.requestMatchers(HttpMethod.POST, "/api/v1/users/import")
				.hasAuthority("User.ReadWrite.All")
				.anyRequest()
				.authenticated())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.oauth2ResourceServer(
					(resourceServer) -> resourceServer.jwt((jwt) -> jwt.jwtAuthenticationConverter(callers::convert))
						.authenticationEntryPoint((request, response, exception) -> {
							// the token's check reads the database: its absence is no bad
							// token
							if (DatabaseUnavailable.causedBy(exception)) {
								DatabaseUnavailable.write(errors, exception, request, response);
								return;
							}
							response.setHeader("WWW-Authenticate", "Bearer");
							errors.write(HttpStatus.UNAUTHORIZED, "InvalidAuthenticationToken",
									"Access token is missing, expired or invalid: get a new one from /oauth2/token.",
									request, response);
						})
						.accessDeniedHandler((request, response, exception) -> errors.write(HttpStatus.FORBIDDEN,
								"Authorization_RequestDenied", DeniedMessages.of(exception), request, response)));
		return http.build();
	}

}
