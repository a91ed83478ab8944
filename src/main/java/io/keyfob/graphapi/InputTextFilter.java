package io.keyfob.graphapi;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import io.keyfob.shared.StorableText;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses text that no database should store (U+0000, unpaired surrogates; see
 * {@link StorableText}) at the edge, before sign-in, the token endpoint or any controller
 * sees it:
 * <ul>
 * <li>query and form parameters are checked at once (a multipart body is not parsed here:
 * its file is for the upload's own reader, after the permission check);</li>
 * <li>a JSON body is checked as the controller reads it, without buffering, so an
 * unauthenticated caller's body is never read; the controller's JSON error names the
 * problem ({@link #problem}).</li>
 * </ul>
 * The answer suits the caller: a Graph error on {@code /beta} and {@code /api}, an OAuth
 * {@code invalid_request} on {@code /oauth2}, the sign-in page's message on
 * {@code /login}, the error page elsewhere. Nothing is logged: it is the sender's
 * mistake.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InputTextFilter extends OncePerRequestFilter {

	private static final String PROBLEM = InputTextFilter.class.getName() + ".problem";

	private final GraphErrors errors;

	InputTextFilter(GraphErrors errors) {
		this.errors = errors;
	}

	/**
	 * What the JSON body check found, for the controller's error answer.
	 * @param request the request
	 * @return the message, or {@code null}
	 */
	static @Nullable String problem(HttpServletRequest request) {
		return (request.getAttribute(PROBLEM) instanceof String problem) ? problem : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String problem = parameterProblem(request);
		if (problem != null) {
			refuse(request, response, problem);
			return;
		}
		chain.doFilter(json(request) ? new CheckedJsonRequest(request) : request, response);
	}

	private static @Nullable String parameterProblem(HttpServletRequest request) {
		if (multipart(request)) {
			return queryProblem(request.getQueryString());
		}
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String problem = StorableText.problem(parameter.getKey());
			for (String value : parameter.getValue()) {
				problem = (problem != null) ? problem : StorableText.problem(value);
			}
			if (problem != null) {
				return message("The parameter '" + printable(parameter.getKey()) + "'", problem);
			}
		}
		return null;
	}

	private static @Nullable String queryProblem(@Nullable String query) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			String problem;
			try {
				problem = StorableText.problem(URLDecoder.decode(pair, StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				continue; // malformed escapes are the container's to refuse
			}
			if (problem != null) {
				return message("The query string", problem);
			}
		}
		return null;
	}

	static String message(String where, String problem) {
		return where + " contains " + problem + ", which Keyfob does not accept: remove it and send the request again.";
	}

	private static String printable(String name) {
		return StorableText.storable(name) ? name : "(name with an unprintable character)";
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/beta/") || path.startsWith("/api/")) {
			this.errors.write(HttpStatus.BAD_REQUEST, "Request_BadRequest", message, request, response);
		}
		else if (path.startsWith("/oauth2/") || path.startsWith("/connect/") || path.equals("/userinfo")) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"error\":\"invalid_request\",\"error_description\":\"" + message.replaceAll("[\"\\\\']", "")
						+ "\"}");
		}
		else if (path.equals("/login") && "POST".equals(request.getMethod())) {
			response.sendRedirect(request.getContextPath() + "/login?error=characters");
		}
		else {
			response.sendError(HttpStatus.BAD_REQUEST.value());
		}
	}

	private static boolean multipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	private static boolean json(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		try {
			MediaType media = MediaType.parseMediaType(type);
			return media.isCompatibleWith(MediaType.APPLICATION_JSON) || media.getSubtype().endsWith("+json");
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** A request whose body is checked while it is read. */
	private static final class CheckedJsonRequest extends HttpServletRequestWrapper {

		private @Nullable ServletInputStream checked;

		CheckedJsonRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.checked == null) {
				this.checked = new CheckedStream(super.getInputStream(), (HttpServletRequest) getRequest());
			}
			return this.checked;
		}

	}

	private static final class CheckedStream extends ServletInputStream {

		private final ServletInputStream body;

		private final HttpServletRequest request;

		private final JsonTextCheck check = new JsonTextCheck();

		CheckedStream(ServletInputStream body, HttpServletRequest request) {
			this.body = body;
			this.request = request;
		}

		@Override
		public int read() throws IOException {
			int b = this.body.read();
			if (b == -1) {
				end();
			}
			else if (!this.check.accept(b)) {
				refuse();
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = this.body.read(buffer, offset, length);
			if (count == -1) {
				end();
			}
			for (int i = offset; i < offset + count; i++) {
				if (!this.check.accept(buffer[i] & 0xFF)) {
					refuse();
				}
			}
			return count;
		}

		private void end() throws IOException {
			if (this.check.problemAtEnd() != null) {
				refuse();
			}
		}

		private void refuse() throws IOException {
			String message = message("The request body", String.valueOf(this.check.problemAtEnd()));
			this.request.setAttribute(PROBLEM, message);
			throw new IOException(message);
		}

		@Override
		public boolean isFinished() {
			return this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

	}

}
