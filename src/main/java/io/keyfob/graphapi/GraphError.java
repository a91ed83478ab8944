package io.keyfob.graphapi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft Graph's error envelope: {@code {"error": {"code", "message", "innerError":
 * {"date", "request-id", "client-request-id"}}}}.
 *
 * @param error the error
 */
public record GraphError(Body error) {

	/**
	 * Graph writes the time in UTC to the second, without a zone: 2026-12-05T09:12:00.
	 */
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	/**
	 * Build an envelope.
	 * @param code the Graph error code
	 * @param message what is wrong and what to do
	 * @param requestId this request's id
	 * @param clientRequestId the id the client sent, if any
	 * @param now the time of the error
	 * @return the envelope
	 */
	public static GraphError of(String code, String message, String requestId, @Nullable String clientRequestId,
			Instant now) {
		return new GraphError(new Body(code, message, new InnerError(DATE.format(now), requestId, clientRequestId)));
	}

	/**
	 * The error itself.
	 *
	 * @param code machine-readable code
	 * @param message human-readable message
	 * @param innerError request correlation
	 */
	public record Body(String code, String message, InnerError innerError) {
	}

	/**
	 * Correlation data, as Graph sends it.
	 *
	 * @param date when the error happened
	 * @param requestId the server's id for the request
	 * @param clientRequestId the client's id for the request
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record InnerError(String date, @JsonProperty("request-id") String requestId,
			@JsonProperty("client-request-id") @Nullable String clientRequestId) {
	}

}
