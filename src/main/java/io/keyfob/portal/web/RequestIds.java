package io.keyfob.portal.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The request id that the request-id filter gives every request (the {@code request-id}
 * response header), so a person can quote it to support and support can find the log.
 */
final class RequestIds {

	/** The request attribute the filter stores the id in. */
	static final String ATTRIBUTE = "request-id";

	private RequestIds() {
	}

	static String of(HttpServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		return (id != null) ? id.toString() : "unknown";
	}

}
