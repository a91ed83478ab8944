package io.keyfob.graphapi;

import io.keyfob.support.TestPostgres;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link SeedImportApiIntegrationTests} on a real PostgreSQL server: the job tables, the
 * batched inserts and the all-or-nothing transaction there.
 */
@DirtiesContext
class SeedImportApiPostgresIntegrationTests extends SeedImportApiIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

}
