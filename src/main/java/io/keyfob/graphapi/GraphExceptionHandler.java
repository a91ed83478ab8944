package io.keyfob.graphapi;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.keyfob.authmethod.CodeOutcome;
import io.keyfob.authmethod.CodeRefusedException;
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
	 * A code not accepted: 400 for a wrong code or one that needs the next, 429 for a
	 * lock, with {@code Retry-After} in seconds unless only an administrator can unlock.
	 */
	@ExceptionHandler
	ResponseEntity<GraphError> codeRefused(CodeRefusedException ex, HttpServletRequest request) {
		ResponseEntity<GraphError> refusal = refused(ex, request);
		return ex.outcome().match(new CodeOutcome.Cases<>() {

			@Override
			public ResponseEntity<GraphError> accepted(CodeOutcome.Accepted accepted) {
				return refusal;
			}

			@Override
			public ResponseEntity<GraphError> rejected(CodeOutcome.Rejected rejected) {
				return refusal;
			}

			@Override
			public ResponseEntity<GraphError> locked(CodeOutcome.Locked locked) {
				long seconds = Math.max(1,
						Duration.between(GraphExceptionHandler.this.clock.instant(), locked.until()).toSeconds() + 1);
				return ResponseEntity.status(refusal.getStatusCode())
					.headers(refusal.getHeaders())
					.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
					.body(refusal.getBody());
			}

			@Override
			public ResponseEntity<GraphError> lockedUntilAdmin(CodeOutcome.LockedUntilAdmin locked) {
				return refusal;
			}

			@Override
			public ResponseEntity<GraphError> additionalCodeRequired(CodeOutcome.AdditionalCodeRequired additional) {
				return refusal;
			}

		});
	}

	@ExceptionHandler
	ResponseEntity<GraphError> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		String unstorable = InputTextFilter.problem(request);
		return this.errors.response(HttpStatus.BAD_REQUEST, "Request_BadRequest", (unstorable != null) ? unstorable
				: "The request body is not valid JSON for this request: check the syntax and the property types.",
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
		if (DatabaseUnavailable.causedBy(ex)) {
			return DatabaseUnavailable.response(this.errors, ex, request);
		}
		logger.error("Request {} failed", RequestIdFilter.requestId(request), ex);
		return this.errors.response(HttpStatus.INTERNAL_SERVER_ERROR, "generalException",
				"Something went wrong on the server. Quote request-id " + RequestIdFilter.requestId(request)
						+ " when you report it.",
				request);
	}

}
