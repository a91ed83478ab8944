package io.keyfob.radius;

import java.util.List;

import io.keyfob.shared.secret.SealedColumns;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RadiusSecretsConfiguration {

	@Bean
	SealedColumns radiusSharedSecrets() {
		// the context RadiusClients seals them for: "radius-secret:" + client id
		return new SealedColumns("radius_client", List.of("id"), "secret_key_id", "secret_nonce", "secret_ciphertext",
				(ids) -> RadiusClients.SECRET_CONTEXT + ids.get(0));
	}

}
