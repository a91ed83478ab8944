package io.keyfob.graphapi;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Paths are matched regardless of case, as Graph does ({@code /beta/Users} is
 * {@code /beta/users}): one parser, set once, for Spring MVC's routes and for Spring
 * Security's request matchers alike, so a security rule can never see a path differently
 * from the route that serves it. Also registers the {@link GraphCaller} argument and the
 * {@link ODataOptions} check.
 */
@Configuration(proxyBeanMethods = false)
class PathMatchingConfiguration implements WebMvcConfigurer {

	private static final PathPatternParser CASE_INSENSITIVE = caseInsensitive();

	@Override
	public void configurePathMatch(PathMatchConfigurer configurer) {
		configurer.setPatternParser(CASE_INSENSITIVE);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ODataOptions());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new GraphCallerArgumentResolver());
	}

	@Bean
	static PathPatternRequestMatcher.Builder requestMatcherBuilder() {
		return PathPatternRequestMatcher.withPathPatternParser(CASE_INSENSITIVE);
	}

	private static PathPatternParser caseInsensitive() {
		PathPatternParser parser = new PathPatternParser();
		parser.setCaseSensitive(false);
		return parser;
	}

}
