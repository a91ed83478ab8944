package io.keyfob.graphapi;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every refusal under {@code /beta} and {@code /api} a Graph error, including the
 * ones no controller sees: a path no route matches, a method or media type a route does
 * not take, a request the firewall rejects. Spring answers those with {@code sendError},
 * which would end in the container's error page; here it writes the Graph envelope
 * instead. Graph responses also say {@code OData-Version: 4.0}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class GraphResponseFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(GraphResponseFilter.class);

	/**
	 * What the servlet container refuses before Keyfob reads the request: a path or
	 * parameters it cannot decode. Said without the input itself.
	 */
	static final String MALFORMED_REQUEST = "The request's path, query string or form body is not valid: it holds an "
			+ "encoded NUL character, a malformed percent-escape or bytes that are not UTF-8. Encode it as UTF-8, "
			+ "without control characters, and send the request again.";

	private final GraphErrors errors;

	GraphResponseFilter(GraphErrors errors) {
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !answersWithGraphErrors(path(request));
	}

	/**
	 * Whether refusals on this path are Graph errors.
	 * @param path the path, without the context path
	 * @return {@code true} under {@code /beta} and {@code /api}
	 */
	static boolean answersWithGraphErrors(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		return isGraph(lower) || lower.startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpServletRequest routed = request;
		if (isGraph(path(request))) {
			response.setHeader("OData-Version", "4.0");
			try {
				routed = ODataOptions.normalized(request);
			}
			catch (GraphRequestException ex) {
				this.errors.write(HttpStatus.BAD_REQUEST, ex.code(), ex.getMessage(), request, response);
				return;
			}
			catch (InvalidParameterException ex) {
				writeUndecodable(ex, request, response);
				return;
			}
		}
		ErrorsAsGraph wrapped = new ErrorsAsGraph(routed, response);
		try {
			chain.doFilter(routed, wrapped);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (response.isCommitted()) {
				throw ex;
			}
			InvalidParameterException undecodable = undecodable(ex);
			if (undecodable != null) {
				response.resetBuffer();
				writeUndecodable(undecodable, request, response);
				return;
			}
			logger.error("Request {} failed", RequestIdFilter.requestId(request), ex);
			response.resetBuffer();
			this.errors.write(HttpStatus.INTERNAL_SERVER_ERROR, "generalException",
					"Something went wrong on the server. Quote request-id " + RequestIdFilter.requestId(request)
							+ " when you report it.",
					request, response);
		}
	}

	/**
	 * Parameters the container could not decode, found by whichever filter first asked
	 * for them: the sender's mistake, so a 400 and nothing in the log.
	 */
	private void writeUndecodable(InvalidParameterException ex, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		GraphRefusal refusal = containerRefusal(ex.getErrorCode(), request, response);
		this.errors.write(refusal.status(), refusal.code(), refusal.message(), request, response);
	}

	/**
	 * The Graph error for a status the servlet container set because it could not read
	 * the request: for a 400, what it could not decode.
	 */
	static GraphRefusal containerRefusal(int status, HttpServletRequest request, HttpServletResponse response) {
		return (status == HttpStatus.BAD_REQUEST.value())
				? new GraphRefusal(HttpStatus.BAD_REQUEST, "Request_BadRequest", MALFORMED_REQUEST)
				: refusal(status, request, response);
	}

	private static @Nullable InvalidParameterException undecodable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidParameterException undecodable) {
				return undecodable;
			}
		}
		return null;
	}

	private static boolean isGraph(String path) {
		return path.equals("/beta") || path.startsWith("/beta/");
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length()).toLowerCase(Locale.ROOT);
	}

	/**
	 * The Graph error code and message for a status that Spring or the container sets
	 * without an exception handler of ours.
	 */
	static GraphRefusal refusal(int status, HttpServletRequest request, HttpServletResponse response) {
		return switch (status) {
			case 400 -> new GraphRefusal(HttpStatus.BAD_REQUEST, "Request_BadRequest",
					"The request is malformed: check the path, the query string and the body against the API "
							+ "documentation.");
			case 401 -> new GraphRefusal(HttpStatus.UNAUTHORIZED, "InvalidAuthenticationToken",
					"Access token is missing, expired or invalid: get a new one from /oauth2/token.");
			case 403 -> new GraphRefusal(HttpStatus.FORBIDDEN, "Authorization_RequestDenied",
					"Insufficient privileges to complete the operation.");
			case 404 -> new GraphRefusal(HttpStatus.NOT_FOUND, "Request_ResourceNotFound",
					"No resource exists at this path: check the URL against the API documentation.");
			case 405 -> new GraphRefusal(HttpStatus.METHOD_NOT_ALLOWED, "Request_BadRequest",
					"Specified HTTP method is not allowed for the request uri: " + request.getMethod()
							+ " is not supported here" + allowed(response) + ".");
			case 406 -> new GraphRefusal(HttpStatus.NOT_ACCEPTABLE, "Request_BadRequest",
					"This resource answers with application/json: accept application/json or */*.");
			case 413 -> new GraphRefusal(HttpStatus.PAYLOAD_TOO_LARGE, "Request_BadRequest",
					"The request body is too large: send fewer items per request.");
			case 415 -> new GraphRefusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Request_BadRequest",
					"Send the request body as JSON with 'Content-Type: application/json'.");
			default -> {
				HttpStatus known = HttpStatus.resolve(status);
				HttpStatus resolved = (known != null) ? known : HttpStatus.INTERNAL_SERVER_ERROR;
				yield resolved.is5xxServerError()
						? new GraphRefusal(resolved, "generalException",
								"Something went wrong on the server. Quote request-id "
										+ RequestIdFilter.requestId(request) + " when you report it.")
						: new GraphRefusal(resolved, "Request_BadRequest", resolved.getReasonPhrase() + ".");
			}
		};
	}

	private static String allowed(HttpServletResponse response) {
		String allow = response.getHeader(HttpHeaders.ALLOW);
		return (allow != null && !allow.isBlank()) ? "; use " + allow.replace(",", ", ").replace("  ", " ") : "";
	}

	/**
	 * A status, Graph error code and message.
	 */
	record GraphRefusal(HttpStatus status, String code, String message) {
	}

	/**
	 * Writes the Graph envelope where Spring or the firewall call {@code sendError}.
	 */
	private final class ErrorsAsGraph extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		ErrorsAsGraph(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

		@Override
		public void sendError(int status) throws IOException {
			sendError(status, null);
		}

		@Override
		public void sendError(int status, String ignored) throws IOException {
			HttpServletResponse response = (HttpServletResponse) getResponse();
			if (response.isCommitted()) {
				throw new IllegalStateException("The response is already committed");
			}
			response.resetBuffer();
			GraphRefusal refusal = refusal(status, this.request, response);
			GraphResponseFilter.this.errors.write(refusal.status(), refusal.code(), refusal.message(), this.request,
					response);
			response.flushBuffer();
		}

	}

}
