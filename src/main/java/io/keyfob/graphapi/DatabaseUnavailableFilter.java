package io.keyfob.graphapi;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's answer when the database is away before any controller runs: the bearer
 * token's check reads the database (revoked tokens, current roles and permissions) in the
 * security filters, where {@link GraphExceptionHandler} cannot see a failure. Wraps them,
 * so that an unreachable database gives the same {@code 503} there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private final GraphErrors errors;

	DatabaseUnavailableFilter(GraphErrors errors) {
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/api/") && !path.startsWith("/beta/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (response.isCommitted() || !DatabaseUnavailable.causedBy(ex)) {
				throw ex;
			}
			DatabaseUnavailable.write(this.errors, ex, request, response);
		}
	}

}
