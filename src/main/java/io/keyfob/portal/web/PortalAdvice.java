package io.keyfob.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.keyfob.shared.KeyfobException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What every portal page gets: the signed-in user as {@code me} and the request id; and
 * for refusals the error page, which shows a generic text with the request id, never an
 * exception's message. Spring MVC's own exceptions (a wrong method, a malformed id) keep
 * their status, and unexpected ones reach the same page through the error controller with
 * {@link PortalErrorAttributes}.
 */
@ControllerAdvice(basePackages = "io.keyfob.portal")
final class PortalAdvice {

	private static final Logger logger = LoggerFactory.getLogger(PortalAdvice.class);

	private final PortalUsers users;

	PortalAdvice(PortalUsers users) {
		this.users = users;
	}

	@ModelAttribute("me")
	PortalUser me(NativeWebRequest request) {
		return PortalUserArgumentResolver.resolve(request, this.users);
	}

	@ModelAttribute("requestId")
	String requestId(HttpServletRequest request) {
		return RequestIds.of(request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
		return error(request, response, model, HttpStatus.FORBIDDEN);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
		return error(request, response, model, HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler(KeyfobException.class)
	String refused(KeyfobException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpStatus status = switch (ex.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
			case INVALID -> HttpStatus.BAD_REQUEST;
		};
		logger.info("Portal request refused: {} ({})", ex.code(), status.value());
		return error(request, response, model, status);
	}

	private static String error(HttpServletRequest request, HttpServletResponse response, Model model,
			HttpStatus status) {
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("requestId", RequestIds.of(request));
		return "error";
	}

}
