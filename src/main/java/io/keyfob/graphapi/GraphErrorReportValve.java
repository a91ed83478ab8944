package io.keyfob.graphapi;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Tomcat's error report, for what Tomcat refuses before any filter of ours runs: a path
 * with an encoded NUL, a malformed percent-escape or bytes that are not UTF-8. Under
 * {@code /beta} and {@code /api} the answer is the Graph error envelope, with the same
 * ids and headers as every other refusal there; elsewhere Tomcat's plain page, without
 * the server's name or the refusal's details. The input itself is never echoed.
 */
final class GraphErrorReportValve extends ErrorReportValve {

	private final ObjectProvider<GraphErrors> errors;

	/**
	 * @param errors the envelope writer, looked up at the first refusal: the valve is
	 * built with the web server, before the application's beans
	 */
	GraphErrorReportValve(ObjectProvider<GraphErrors> errors) {
		this.errors = errors;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		String uri = request.getRequestURI();
		if (uri == null || !GraphResponseFilter.answersWithGraphErrors(uri)) {
			super.report(request, response, throwable);
			return;
		}
		// the same conditions as Tomcat's own report: an error nobody has answered
		// yet, on a connection still open
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean open = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, open);
		if (!open.get()) {
			return;
		}
		try {
			RequestIdFilter.assign(request, response);
			// what Spring Security adds to every other answer; its filters never ran here
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
			if (!uri.toLowerCase(Locale.ROOT).startsWith("/api/")) {
				response.setHeader("OData-Version", "4.0");
			}
			GraphResponseFilter.GraphRefusal refusal = GraphResponseFilter.containerRefusal(status, request, response);
			this.errors.getObject().write(refusal.status(), refusal.code(), refusal.message(), request, response);
			response.finishResponse();
		}
		catch (IOException | RuntimeException ex) {
			// the client is gone or the response unusable: nobody is left to tell
		}
	}

}
