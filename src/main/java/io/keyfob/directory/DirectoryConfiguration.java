package io.keyfob.directory;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password encoder for users' passwords and applications' client secrets.
 */
@Configuration(proxyBeanMethods = false)
class DirectoryConfiguration {

	/**
	 * bcrypt today; hashes carry their algorithm id ({@code {bcrypt}...}), so a later
	 * default can still check older hashes. A hash keeps the cost it was made with, so a
	 * changed {@code keyfob.passwords.bcrypt-strength} applies to new hashes only. The
	 * tests lower it: they are about passwords, not about the cost of guessing them.
	 * @param strength bcrypt's log2 rounds, 10 unless configured
	 * @return the encoder
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${keyfob.passwords.bcrypt-strength:10}") int strength) {
		DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
		encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
		return encoder;
	}

}
