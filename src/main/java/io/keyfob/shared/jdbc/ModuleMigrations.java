package io.keyfob.shared.jdbc;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates each module's schema. Versions are {@code <module>_<n>}, so a module's new
 * migration (say 4.5) may arrive after another module's later one (5.1) was applied.
 * Flyway calls such a migration ignored unless it runs out of order; this strategy turns
 * out-of-order on only when there is one, so a fresh database and an up-to-date one
 * migrate in plain order and Flyway's out-of-order warning appears only when it is true.
 */
@Configuration(proxyBeanMethods = false)
class ModuleMigrations {

	private static final Logger logger = LoggerFactory.getLogger(ModuleMigrations.class);

	@Bean
	FlywayMigrationStrategy moduleMigrationStrategy() {
		return ModuleMigrations::migrate;
	}

	static void migrate(Flyway flyway) {
		MigrationInfo[] skipped = Arrays.stream(flyway.info().all())
			.filter((migration) -> migration.getState() == MigrationState.IGNORED)
			.toArray(MigrationInfo[]::new);
		if (skipped.length == 0) {
			flyway.migrate();
			return;
		}
		logger.info("Applying {} module migration(s) out of order, after a later module's migration: {}",
				skipped.length, Arrays.stream(skipped).map(MigrationInfo::getVersion).toList());
		Flyway.configure(flyway.getConfiguration().getClassLoader())
			.configuration(flyway.getConfiguration())
			.outOfOrder(true)
			.load()
			.migrate();
	}

}
