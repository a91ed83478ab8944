package io.keyfob.graphapi;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.keyfob.seedimport.SeedImportProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what multipart uploads (seed files, user CSV files) can cost before anything
 * reads them: a declared {@code Content-Length} above the seed file limit is refused with
 * {@code 413} unread, and at most {@code keyfob.upload.parallel-limit} uploads are parsed
 * at once on this node (each is held in memory, so that secrets never touch the disk);
 * one more gets {@code 503} with {@code Retry-After}. Who may upload at all is checked by
 * the API's filter chain before the body is parsed ({@link ResourceServerConfiguration}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UploadLimitFilter extends OncePerRequestFilter {

	private static final String RETRY_SECONDS = "5";

	private final GraphErrors errors;

	private final SeedImportProperties properties;

	private final Semaphore parsing;

	UploadLimitFilter(GraphErrors errors, SeedImportProperties properties,
			@Value("${keyfob.upload.parallel-limit:2}") int parallelLimit) {
		this.errors = errors;
		this.properties = properties;
		this.parsing = new Semaphore(Math.max(1, parallelLimit));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.properties.maxFileSize().toBytes()) {
			refuse(HttpStatus.PAYLOAD_TOO_LARGE, "fileTooLarge", this.properties.fileTooLargeMessage(), request,
					response);
			return;
		}
		if (!this.parsing.tryAcquire()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_SECONDS);
			refuse(HttpStatus.SERVICE_UNAVAILABLE, "serviceNotAvailable",
					"This server is reading other uploads right now: send the file again in a few seconds.", request,
					response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.parsing.release();
		}
	}

	private void refuse(HttpStatus status, String code, String message, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		// the unread body is not worth keeping the connection for
		response.setHeader(HttpHeaders.CONNECTION, "close");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/beta/")) {
			this.errors.write(status, code, message, request, response);
		}
		else {
			response.sendError(status.value(), message);
		}
	}

}
