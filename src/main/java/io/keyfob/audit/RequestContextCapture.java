package io.keyfob.audit;

import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.shared.ApplicationNames;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Reads the audit context from the current thread: the security context for the actor and
 * the client, the servlet request for the source address, and the request id that the
 * request id filter put into the MDC. Outside a request and without a signed-in caller
 * (start-up, scheduled jobs, commands), the actor is Keyfob itself.
 * <p>
 * The source address is the request's remote address: behind a load balancer, set
 * {@code server.forward-headers-strategy} so that it is the client's, not the balancer's.
 */
@Component
class RequestContextCapture {

	/** The MDC key and request attribute under which each request's id is kept. */
	static final String REQUEST_ID_MDC_KEY = "requestId";

	static final String REQUEST_ID_ATTRIBUTE = "request-id";

	private final Directory directory;

	private final ApplicationNames applicationNames;

	RequestContextCapture(Directory directory, ApplicationNames applicationNames) {
		this.directory = directory;
		this.applicationNames = applicationNames;
	}

	AuditContext current() {
		HttpServletRequest request = currentRequest();
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String correlationId = correlationId(request);
		String ipAddress = (request != null) ? request.getRemoteAddr() : null;
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			AuditActor actor = (request != null) ? AuditActor.app(null, "anonymous") : AuditActor.KEYFOB;
			return new AuditContext(actor, null, ipAddress, correlationId);
		}
		CallerIdentity caller = CallerIdentity.of(authentication,
				(id) -> this.directory.findUser(id).map(User::userPrincipalName), this.applicationNames);
		return new AuditContext(caller.actor(), caller.appId(), ipAddress, correlationId);
	}

	private static @Nullable HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

	private static @Nullable String correlationId(@Nullable HttpServletRequest request) {
		String fromMdc = MDC.get(REQUEST_ID_MDC_KEY);
		if (fromMdc != null) {
			return fromMdc;
		}
		Object attribute = (request != null) ? request.getAttribute(REQUEST_ID_ATTRIBUTE) : null;
		return (attribute != null) ? attribute.toString() : null;
	}

}
