package io.keyfob.portal.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the signed-in user into portal handlers and keeps Entra's short address for My
 * Security Info.
 */
@Configuration(proxyBeanMethods = false)
class PortalWebConfiguration implements WebMvcConfigurer {

	private final PortalUsers users;

	PortalWebConfiguration(PortalUsers users) {
		this.users = users;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PortalUserArgumentResolver(this.users));
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/mysecurityinfo", "/my-security-info");
		registry.addRedirectViewController("/", "/my-security-info");
	}

}
