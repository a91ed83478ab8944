package io.keyfob.support;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.keyfob.graphapi.GraphErrors;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A stand-in for the resource server on {@code /beta/**} until the authorization server
 * is merged: {@code Authorization: Bearer test:<permission>,<permission>} authenticates a
 * caller whose granted authorities are exactly those Graph permission names, which is the
 * contract of the real resource server. Test code only.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestGraphSecurity {

	static final String PREFIX = "Bearer test:";

	/**
	 * The header value for a caller with these permissions.
	 * @param permissions Graph permission names; none for a caller without rights
	 * @return the {@code Authorization} header value
	 */
	public static String bearer(String... permissions) {
		return PREFIX + String.join(",", permissions);
	}

	@Bean
	@Order(0)
	SecurityFilterChain testGraphFilterChain(HttpSecurity http, GraphErrors errors) throws Exception {
		// Graph paths are case-insensitive, so the chain must match /BETA/... too
		http.securityMatcher((request) -> request.getRequestURI().toLowerCase(Locale.ROOT).startsWith("/beta/"))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> errors.write(HttpStatus.UNAUTHORIZED,
						"InvalidAuthenticationToken", "Access token is empty or not valid.", request, response)))
			.addFilterBefore(new BearerFilter(), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	static final class BearerFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (header != null && header.startsWith(PREFIX)) {
				List<SimpleGrantedAuthority> authorities = Arrays.stream(header.substring(PREFIX.length()).split(","))
					.filter((p) -> !p.isBlank())
					.map(SimpleGrantedAuthority::new)
					.toList();
				TestingAuthenticationToken caller = new TestingAuthenticationToken("test-caller", null, authorities);
				caller.setAuthenticated(true);
				SecurityContextHolder.getContext().setAuthentication(caller);
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		}

	}

}
