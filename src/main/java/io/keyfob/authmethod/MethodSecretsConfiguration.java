package io.keyfob.authmethod;

import java.util.List;

import io.keyfob.shared.secret.SealedColumns;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the master key rotation where the last wrong code of each method is sealed (it is
 * remembered so that the same wrong code is not counted twice).
 */
@Configuration(proxyBeanMethods = false)
class MethodSecretsConfiguration {

	@Bean
	SealedColumns lastWrongCodes() {
		// the context MethodAttempts seals them for: "wrong-code:" + user id + ":" +
		// token id
		return new SealedColumns("hardware_oath_method_state", List.of("user_id", "token_id"), "last_wrong_key_id",
				"last_wrong_nonce", "last_wrong_ciphertext", (ids) -> "wrong-code:" + ids.get(0) + ":" + ids.get(1));
	}

}
