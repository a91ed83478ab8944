package io.keyfob;

import io.keyfob.support.TestPostgres;

import org.springframework.test.context.ContextConfiguration;

/**
 * The quickstart flow on a real PostgreSQL server: the same migrations, clients,
 * authorizations, sessions and sealed signing keys.
 */
@ContextConfiguration(initializers = TestPostgres.SharedDatabase.class)
class PostgresQuickstartIntegrationTests extends QuickstartIntegrationTests {

}
