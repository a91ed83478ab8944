package io.keyfob.policy;

import io.keyfob.support.TestPostgres;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The policy on PostgreSQL.
 */
// a server it does not call, like the other application tests, so that all share one
// start
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestPostgres.SharedDatabase.class)
class PostgresPolicyStoreIntegrationTests extends PolicyStoreChecks {

}
