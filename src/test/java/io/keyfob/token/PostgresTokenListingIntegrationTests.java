package io.keyfob.token;

import io.keyfob.support.TestPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Listing the inventory on PostgreSQL.
 */
@SpringBootTest
@DirtiesContext
class PostgresTokenListingIntegrationTests extends TokenListingChecks {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

}
