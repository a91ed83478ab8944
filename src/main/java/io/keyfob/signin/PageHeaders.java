package io.keyfob.signin;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Security headers of every page: a Content Security Policy that lets pages run only
 * Keyfob's own scripts (htmx and Swagger UI are served from Keyfob; both set inline
 * styles, hence {@code 'unsafe-inline'} for styles alone), and no referrer sent to other
 * sites, so codes and states in URLs stay here.
 */
final class PageHeaders {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

	private PageHeaders() {
	}

	static void apply(HttpSecurity http) {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
	}

}
