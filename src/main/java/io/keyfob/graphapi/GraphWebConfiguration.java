package io.keyfob.graphapi;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Graph routing: path segments match regardless of case, as Microsoft's own samples write
 * {@code hardwareoathmethods} for {@code hardwareOathMethods}; and the permission checks
 * on the controllers ({@code @PreAuthorize}) are switched on.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class GraphWebConfiguration implements WebMvcConfigurer {

	@Override
	public void configurePathMatch(PathMatchConfigurer configurer) {
		PathPatternParser parser = new PathPatternParser();
		parser.setCaseSensitive(false);
		configurer.setPatternParser(parser);
	}

}
