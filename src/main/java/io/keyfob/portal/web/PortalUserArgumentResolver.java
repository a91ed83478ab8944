package io.keyfob.portal.web;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives portal handlers the signed-in {@link PortalUser}, once per request.
 */
final class PortalUserArgumentResolver implements HandlerMethodArgumentResolver {

	static final String ATTRIBUTE = PortalUser.class.getName();

	private final PortalUsers users;

	PortalUserArgumentResolver(PortalUsers users) {
		this.users = users;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == PortalUser.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		return resolve(webRequest, this.users);
	}

	static PortalUser resolve(NativeWebRequest request, PortalUsers users) {
		Object cached = request.getAttribute(ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST);
		if (cached instanceof PortalUser user) {
			return user;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			throw new AccessDeniedException("Not signed in");
		}
		PortalUser user = users.current(authentication);
		request.setAttribute(ATTRIBUTE, user, NativeWebRequest.SCOPE_REQUEST);
		return user;
	}

}
