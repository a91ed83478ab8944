package io.keyfob;

import io.keyfob.support.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the whole application on a real PostgreSQL server: the same migrations, the same
 * health, and the same refusals of text PostgreSQL cannot store
 * ({@link InputBoundaryChecks}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestPostgres.SharedDatabase.class)
class PostgresIntegrationTests extends InputBoundaryChecks {

	@Test
	void migrationsRunAndHealthIsUp() {
		String product = this.jdbc.sql("select version()").query(String.class).single();
		assertThat(product).startsWith("PostgreSQL");
		assertThat(this.jdbc.sql("select count(*) from flyway_schema_history where not success")
			.query(Long.class)
			.single()).isZero();
		String health = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/actuator/health/readiness")
			.retrieve()
			.body(String.class);
		assertThat(health).contains("\"status\":\"UP\"");
	}

}
