package io.keyfob.portal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The stylesheet, scripts and icons are public, so the sign-in page can use them; their
 * requests never touch the session.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourcesSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 20)
	SecurityFilterChain staticResourcesFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/favicon.svg")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.disable())
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
