package io.keyfob.graphapi;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, as Graph does: the {@code request-id} response header,
 * echoed in error envelopes and in the log, plus the {@code client-request-id}: the
 * client's own when it sends a sensible one, else the request id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

	static final String REQUEST_ID = "request-id";

	static final String CLIENT_REQUEST_ID = "client-request-id";

	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		MDC.put("requestId", assign(request, response));
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("requestId");
		}
	}

	/**
	 * Give a request its ids, unless it has them already: here, and for a request the
	 * servlet container refuses before any filter runs ({@link GraphErrorReportValve}).
	 * @param request the request
	 * @param response its response, which gets the ids as headers
	 * @return the request id
	 */
	static String assign(HttpServletRequest request, HttpServletResponse response) {
		if (request.getAttribute(REQUEST_ID) instanceof String assigned) {
			return assigned;
		}
		String requestId = UUID.randomUUID().toString();
		request.setAttribute(REQUEST_ID, requestId);
		response.setHeader(REQUEST_ID, requestId);
		// Graph answers a client that sent no id of its own with the request id
		String clientRequestId = clientRequestId(request);
		if (clientRequestId == null) {
			clientRequestId = requestId;
		}
		request.setAttribute(CLIENT_REQUEST_ID, clientRequestId);
		response.setHeader(CLIENT_REQUEST_ID, clientRequestId);
		return requestId;
	}

	/**
	 * The request id of a request that passed this filter.
	 * @param request the request
	 * @return its id
	 */
	public static String requestId(HttpServletRequest request) {
		Object id = request.getAttribute(REQUEST_ID);
		return (id != null) ? id.toString() : "unknown";
	}

	static @Nullable String clientRequestId(HttpServletRequest request) {
		Object attribute = request.getAttribute(CLIENT_REQUEST_ID);
		if (attribute != null) {
			return attribute.toString();
		}
		String header = request.getHeader(CLIENT_REQUEST_ID);
		return (header != null && SAFE_ID.matcher(header).matches()) ? header : null;
	}

}
