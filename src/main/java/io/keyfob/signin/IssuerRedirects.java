package io.keyfob.signin;

import java.io.IOException;
import java.net.URI;

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
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void sendRedirect(String location) throws IOException {
				super.sendRedirect(rewrite(location, request));
			}

			@Override
			public void setHeader(String name, String value) {
				super.setHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? rewrite(value, request) : value);
			}

			@Override
			public void addHeader(String name, String value) {
				super.addHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? rewrite(value, request) : value);
			}

		});
	}

	/**
	 * Rewrite a location that points at the origin the request came to (scheme, host and
	 * port exactly: a loopback client's own redirect URI on another port stays whole).
	 * @param location the location as built
	 * @param request the request being answered
	 * @return the location under the configured issuer, or as a path
	 */
	String rewrite(String location, HttpServletRequest request) {
		URI uri;
		try {
			uri = URI.create(location);
		}
		catch (IllegalArgumentException ex) {
			return location;
		}
		if (!uri.isAbsolute() || !request.getScheme().equalsIgnoreCase(uri.getScheme())
				|| !request.getServerName().equalsIgnoreCase(uri.getHost())
				|| effectivePort(uri) != request.getServerPort()) {
			return location;
		}
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		String rest = path + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "")
				+ ((uri.getRawFragment() != null) ? "#" + uri.getRawFragment() : "");
		return (this.issuer != null) ? this.issuer + rest : rest;
	}

	private static int effectivePort(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

}
