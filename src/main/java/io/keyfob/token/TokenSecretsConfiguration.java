package io.keyfob.token;

import java.util.List;
import java.util.UUID;

import io.keyfob.shared.secret.SealedColumns;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the master key rotation where the seeds are sealed.
 */
@Configuration(proxyBeanMethods = false)
class TokenSecretsConfiguration {

	@Bean
	SealedColumns tokenSeeds() {
		return new SealedColumns("hardware_oath_token", List.of("id"), "seed_key_id", "seed_nonce", "seed_ciphertext",
				(ids) -> SeedContext.of((UUID) ids.get(0)));
	}

}
