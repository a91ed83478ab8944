package io.keyfob.signin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redirects to Keyfob itself never trust the request's {@code Host}: a redirect built
 * from it (Spring Security's login redirect, say) is rewritten to
 * {@code keyfob.signin.issuer}, or to a path alone when no issuer is set, so
 * {@code Host: evil.example} cannot send a user elsewhere. Redirects to other sites (an
 * application's redirect URI) are left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class IssuerRedirects extends OncePerRequestFilter {

	private final @Nullable String issuer;

	IssuerRedirects(SignInProperties properties) {
		String configured = properties.issuer();
		this.issuer = (configured != null && configured.endsWith("/"))
				? configured.substring(0, configured.length() - 1) : configured;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getScheme() + "://" + request.getServerName();
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void sendRedirect(String location) throws IOException {
				super.sendRedirect(rewrite(location, origin));
			}

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? rewrite(value, origin) : value);
			}

			@Override
			public void addHeader(String name, String value) {
				super.addHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? rewrite(value, origin) : value);
			}

		});
	}

	String rewrite(String location, String origin) {
		if (!location.startsWith(origin)) {
			return location;
		}
		String rest = location.substring(origin.length());
		if (rest.startsWith(":")) {
			int path = rest.indexOf('/');
			rest = (path < 0) ? "/" : rest.substring(path);
		}
		if (!rest.isEmpty() && !rest.startsWith("/")) {
			return location; // another host that merely starts like this one
		}
		String path = rest.isEmpty() ? "/" : rest;
		return (this.issuer != null) ? this.issuer + path : path;
	}

}
