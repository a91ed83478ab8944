package io.keyfob.graphapi;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.keyfob.authmethod.MethodLock;
import io.keyfob.authmethod.MethodLockedException;
import io.keyfob.shared.KeyfobException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where the Graph API turns refusals into HTTP: status, Graph error code
 * and a message that says what to do. Unexpected failures get a generic message and the
 * request id, never the exception's own text.
 */
@RestControllerAdvice(basePackageClasses = GraphExceptionHandler.class)
class GraphExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(GraphExceptionHandler.class);

	private final GraphErrors errors;

	private final Clock clock;

	GraphExceptionHandler(GraphErrors errors, Clock clock) {
		this.errors = errors;
		this.clock = clock;
	}

	@ExceptionHandler
	ResponseEntity<GraphError> refused(KeyfobException ex, HttpServletRequest request) {
		HttpStatus status = switch (ex.kind()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
		};
		return this.errors.response(status, ex.code(), ex.getMessage(), request);
	}

	/**
	 * A locked method: 429 with {@code Retry-After} in seconds, unless only an
	 * administrator can unlock it.
	 */
	@ExceptionHandler
	ResponseEntity<GraphError> locked(MethodLockedException ex, HttpServletRequest request) {
		ResponseEntity<GraphError> refusal = refused(ex, request);
		if (MethodLock.ADMIN_UNLOCK.equals(ex.retryAt())) {
			return refusal;
		}
		long seconds = Math.max(1, Duration.between(this.clock.instant(), ex.retryAt()).toSeconds() + 1);
		return ResponseEntity.status(refusal.getStatusCode())
			.headers(refusal.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(refusal.getBody());
	}

	@ExceptionHandler
	ResponseEntity<GraphError> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		return this.errors.response(HttpStatus.BAD_REQUEST, "Request_BadRequest",
				"The request body is not valid JSON for this request: check the syntax and the property types.",
				request);
	}

	@ExceptionHandler
	ResponseEntity<GraphError> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return this.errors.response(HttpStatus.BAD_REQUEST, "Request_BadRequest",
				"The value of '" + ex.getName() + "' is not valid here.", request);
	}

	@ExceptionHandler
	ResponseEntity<GraphError> missingParameter(MissingServletRequestParameterException ex,
			HttpServletRequest request) {
		return this.errors.response(HttpStatus.BAD_REQUEST, "Request_BadRequest",
				"The query parameter '" + ex.getParameterName() + "' is required.", request);
	}

	/**
	 * Spring's own refusals that carry their status (a media type this route does not
	 * take or give, a missing header, ...): answered by {@link GraphResponseFilter} with
	 * the same words as when no route matched.
	 * @param ex the refusal
	 * @param response the response, wrapped by the filter
	 * @throws IOException if the response cannot be written
	 */
	@ExceptionHandler({ HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class,
			HttpRequestMethodNotSupportedException.class, ServletRequestBindingException.class,
			ErrorResponseException.class, NoResourceFoundException.class })
	void framework(Exception ex, HttpServletResponse response) throws IOException {
		response.sendError(((ErrorResponse) ex).getStatusCode().value());
	}

	@ExceptionHandler
	ResponseEntity<GraphError> denied(AccessDeniedException ex, HttpServletRequest request) {
		return this.errors.response(HttpStatus.FORBIDDEN, "Authorization_RequestDenied", DeniedMessages.of(ex),
				request);
	}

	@ExceptionHandler
	ResponseEntity<GraphError> unexpected(Exception ex, HttpServletRequest request) {
		logger.error("Request {} failed", RequestIdFilter.requestId(request), ex);
		return this.errors.response(HttpStatus.INTERNAL_SERVER_ERROR, "generalException",
				"Something went wrong on the server. Quote request-id " + RequestIdFilter.requestId(request)
						+ " when you report it.",
				request);
	}

}
