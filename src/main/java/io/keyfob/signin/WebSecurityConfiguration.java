package io.keyfob.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * The pages' filter chain, last in order: health and the sign-in page are open, every
 * other page needs a signed-in user (see {@link SignInFactors}). Form sign-in at
 * {@code /login} (fields {@code username}, {@code password}, {@code _csrf}), checked by
 * {@link DirectoryAuthenticationProvider}, the one authentication provider, sign-out with
 * a POST to {@code /logout}. Sessions live in the database (Spring Session JDBC).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	/**
	 * No Spring Security observation per filter, authentication and authorization: with
	 * an observation registry present, Spring Security wraps every filter of every chain
	 * and made about a quarter of a verification's CPU; a disabled observation name alone
	 * still leaves the wrappers in place. The HTTP server metrics and
	 * {@code keyfob_verifications_seconds} stay.
	 * @return settings that observe nothing
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain defaultSecurityFilterChain(HttpSecurity http, SignInFactors factors) {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/login", PassSignInController.PAGE, "/css/**",
					"/favicon.ico", "/error")
			.permitAll()
			// scraped by Prometheus without a token; see docs/operations.md for a
			// separate management port
			.requestMatchers("/actuator/prometheus")
			.permitAll()
			// the API explorer and its OpenAPI description; calling the API needs a token
			.requestMatchers("/api-explorer", "/api-explorer/**", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
			.permitAll()
			.requestMatchers(OtpFactor.PAGE)
			.authenticated()
			.anyRequest()
			.access(factors.signedIn()))
			.exceptionHandling((exceptions) -> exceptions.defaultDeniedHandlerForMissingAuthority(
					new LoginUrlAuthenticationEntryPoint(OtpFactor.PAGE), OtpFactor.AUTHORITY))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failures()))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"));
		PageHeaders.apply(http);
		return http.build();
	}

	private static AuthenticationFailureHandler failures() {
		SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
		SimpleUrlAuthenticationFailureHandler throttled = new SimpleUrlAuthenticationFailureHandler(
				"/login?error=throttled");
		return (request, response, exception) -> {
			// the sign-in page offers the name again, so only the password is typed anew
			String username = request.getParameter("username");
			if (username != null && username.length() <= LoginController.MAX_NAME_LENGTH) {
				request.getSession().setAttribute(LoginController.LAST_USERNAME, username);
			}
			if (exception instanceof DirectoryAuthenticationProvider.SignInThrottledException) {
				throttled.onAuthenticationFailure(request, response, exception);
			}
			else {
				wrong.onAuthenticationFailure(request, response, exception);
			}
		};
	}

}
