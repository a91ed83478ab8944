package io.keyfob.signin;

import java.util.List;

import io.keyfob.shared.secret.SealedColumns;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the master key rotation where the signing keys' private halves are sealed.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeySecretsConfiguration {

	@Bean
	SealedColumns signingKeySecrets() {
		return new SealedColumns("signing_key", List.of("kid"), "private_key_key_id", "private_key_nonce",
				"private_key_ciphertext", (ids) -> SigningKeys.context(ids.get(0).toString()));
	}

}
