package io.keyfob;

import io.keyfob.support.TestPostgres;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The quickstart flow on a real PostgreSQL server: the same migrations, clients,
 * authorizations, sessions and sealed signing keys.
 */
@DirtiesContext
class PostgresQuickstartIntegrationTests extends QuickstartIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

}
