package io.keyfob.shared.secret;

import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

import io.keyfob.shared.jdbc.JdbcSealingKeys;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the database holds secrets sealed under a master key that is not
 * configured: better a clear stop now than every sign-in failing later.
 */
@Component
@DependsOnDatabaseInitialization
class SealingKeyCheck implements InitializingBean {

	private final MasterKeyring keyring;

	private final JdbcSealingKeys sealingKeys;

	private final Clock clock;

	SealingKeyCheck(MasterKeyring keyring, JdbcSealingKeys sealingKeys, Clock clock) {
		this.keyring = keyring;
		this.sealingKeys = sealingKeys;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		Set<String> missing = new TreeSet<>(this.sealingKeys.keyIds());
		missing.removeAll(this.keyring.ids());
		if (!missing.isEmpty()) {
			throw new WrongMasterKeyException(missing, this.keyring.current().id());
		}
		this.sealingKeys.register(this.keyring.current().id(), this.clock.instant());
	}

}
