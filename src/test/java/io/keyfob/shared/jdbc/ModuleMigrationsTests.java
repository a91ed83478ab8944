package io.keyfob.shared.jdbc;

import java.util.Arrays;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModuleMigrationsTests {

	private static final String APPLIED = "classpath:db/out-of-order/applied";

	private static final String ARRIVING = "classpath:db/out-of-order/arriving";

	@Test
	void whenAModulesMigrationSortsBeforeAnAppliedOneThenItIsAppliedOutOfOrder() {
		String url = "jdbc:h2:mem:module-migrations-late;DB_CLOSE_DELAY=-1";
		ModuleMigrations.migrate(flyway(url, APPLIED));

		Flyway upgraded = flyway(url, APPLIED, ARRIVING);
		ModuleMigrations.migrate(upgraded);

		assertThat(states(upgraded)).containsExactlyInAnyOrder("1.1 SUCCESS", "1.2 OUT_OF_ORDER", "2.1 SUCCESS");
	}

	@Test
	void whenMigrationsArriveInOrderThenTheyAreAppliedInOrder() {
		String url = "jdbc:h2:mem:module-migrations-fresh;DB_CLOSE_DELAY=-1";
		Flyway fresh = flyway(url, APPLIED, ARRIVING);

		ModuleMigrations.migrate(fresh);

		assertThat(states(fresh)).containsExactly("1.1 SUCCESS", "1.2 SUCCESS", "2.1 SUCCESS");
		assertThat(fresh.getConfiguration().isOutOfOrder()).isFalse();
	}

	private static Flyway flyway(String url, String... locations) {
		return Flyway.configure().dataSource(url, "sa", "").locations(locations).load();
	}

	private static String[] states(Flyway flyway) {
		return Arrays.stream(flyway.info().all())
			.map((migration) -> migration.getVersion() + " " + state(migration))
			.toArray(String[]::new);
	}

	private static MigrationState state(MigrationInfo migration) {
		return migration.getState();
	}

}
