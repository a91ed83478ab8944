package io.keyfob.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder for users' passwords and applications' client secrets.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

	/**
	 * bcrypt today; hashes carry their algorithm id ({@code {bcrypt}...}), so a later
	 * default can still check older hashes.
	 * @return the encoder
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
