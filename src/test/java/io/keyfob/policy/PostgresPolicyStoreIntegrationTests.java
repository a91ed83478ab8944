package io.keyfob.policy;

import io.keyfob.support.TestPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The policy on PostgreSQL.
 */
@SpringBootTest
@DirtiesContext
class PostgresPolicyStoreIntegrationTests extends PolicyStoreChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

}
