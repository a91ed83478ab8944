package io.keyfob.authmethod;

import io.keyfob.support.TestPostgres;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The verification rules again on a real PostgreSQL server: row locks, the conditional
 * replay update and the lock state behave as on H2.
 */
@DirtiesContext
class PostgresVerificationIntegrationTests extends VerificationIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.register(registry);
	}

}
