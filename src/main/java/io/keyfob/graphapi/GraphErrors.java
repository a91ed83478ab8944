package io.keyfob.graphapi;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes Graph error envelopes, from controllers and from the security filters alike.
 */
@Component
public class GraphErrors {

	private final Clock clock;

	private final JsonMapper json;

	GraphErrors(Clock clock, JsonMapper json) {
		this.clock = clock;
		this.json = json;
	}

	/**
	 * An error response for a controller.
	 * @param status the HTTP status
	 * @param code the Graph error code
	 * @param message what is wrong and what to do
	 * @param request the request
	 * @return the response
	 */
	public ResponseEntity<GraphError> response(HttpStatus status, String code, String message,
			HttpServletRequest request) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(envelope(code, message, request));
	}

	/**
	 * Write an error to a raw servlet response, for filters that run before any
	 * controller.
	 * @param status the HTTP status
	 * @param code the Graph error code
	 * @param message what is wrong and what to do
	 * @param request the request
	 * @param response the response to write to
	 * @throws IOException if the response cannot be written
	 */
	public void write(HttpStatus status, String code, String message, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), envelope(code, message, request));
	}

	private GraphError envelope(String code, String message, HttpServletRequest request) {
		return GraphError.of(code, message, RequestIdFilter.requestId(request),
				RequestIdFilter.clientRequestId(request), this.clock.instant());
	}

}
