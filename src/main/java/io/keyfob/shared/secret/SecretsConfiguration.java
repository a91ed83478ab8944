package io.keyfob.shared.secret;

import java.util.List;

import io.keyfob.shared.KeyfobProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the master keyring and the secret sealer.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

	@Bean
	MasterKeyring masterKeyring(SecretsProperties secrets, KeyfobProperties keyfob) {
		MasterKey current = (secrets.masterKey() != null && !secrets.masterKey().isBlank())
				? MasterKeyring.decode(secrets.masterKey(), "keyfob.secrets.master-key")
				: MasterKeyFile.loadOrCreate(keyfob.dataDir());
		List<MasterKey> previous = secrets.previousMasterKeys()
			.stream()
			.map((key) -> MasterKeyring.decode(key, "keyfob.secrets.previous-master-keys"))
			.toList();
		return new MasterKeyring(current, previous);
	}

	@Bean
	SecretSealer secretSealer(MasterKeyring keyring) {
		return new SecretSealer(keyring);
	}

}
