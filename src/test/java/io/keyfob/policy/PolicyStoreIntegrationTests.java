package io.keyfob.policy;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The policy on the embedded H2 database.
 */
// a server it does not call, like the other application tests, so that all share one
// start
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PolicyStoreIntegrationTests extends PolicyStoreChecks {

}
