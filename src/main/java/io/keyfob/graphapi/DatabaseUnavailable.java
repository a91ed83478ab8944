package io.keyfob.graphapi;

import java.net.ConnectException;

import io.keyfob.shared.jdbc.ConnectionFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A request that failed because the database cannot be reached (stopped, failing over,
 * the pool out of connections) gets a prompt {@code 503 serviceNotAvailable} with
 * {@code Retry-After}, which clients and load balancers retry, instead of a 500; the log
 * gets one line instead of a stack trace per request while it lasts.
 */
final class DatabaseUnavailable {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseUnavailable.class);

	static final String CODE = "serviceNotAvailable";

	static final String MESSAGE = "The database cannot be reached right now: send the request again in a few seconds.";

	static final String RETRY_SECONDS = "5";

	private DatabaseUnavailable() {
	}

	/**
	 * Whether a failure comes from an unreachable database.
	 * @param failure the failure
	 * @return {@code true} if it or one of its causes says so
	 */
	static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof CannotCreateTransactionException || cause instanceof ConnectException
					|| ConnectionFailures.isConnectionLost(cause)) {
				return true;
			}
			// a failed rollback hides the failure that caused it
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& causedBy(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	static ResponseEntity<GraphError> response(GraphErrors errors, Throwable failure, HttpServletRequest request) {
		log(failure, request);
		ResponseEntity<GraphError> refusal = errors.response(HttpStatus.SERVICE_UNAVAILABLE, CODE, MESSAGE, request);
		return ResponseEntity.status(refusal.getStatusCode())
			.headers(refusal.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, RETRY_SECONDS)
			.body(refusal.getBody());
	}

	static void write(GraphErrors errors, Throwable failure, HttpServletRequest request, HttpServletResponse response)
			throws java.io.IOException {
		log(failure, request);
		response.resetBuffer();
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_SECONDS);
		errors.write(HttpStatus.SERVICE_UNAVAILABLE, CODE, MESSAGE, request, response);
	}

	private static void log(Throwable failure, HttpServletRequest request) {
		logger.warn("Request {} failed: the database cannot be reached ({})", RequestIdFilter.requestId(request),
				failure.getClass().getSimpleName());
	}

}
