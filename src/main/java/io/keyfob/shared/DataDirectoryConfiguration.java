package io.keyfob.shared;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The data directory's permissions, see {@link DataDirectoryPermissions}.
 */
@Configuration(proxyBeanMethods = false)
class DataDirectoryConfiguration {

	// static, and reading the property directly: it post-processes the data source
	@Bean
	static DataDirectoryPermissions dataDirectoryPermissions(Environment environment) {
		return new DataDirectoryPermissions(Path.of(environment.getProperty("keyfob.data-dir", "./data")));
	}

}
