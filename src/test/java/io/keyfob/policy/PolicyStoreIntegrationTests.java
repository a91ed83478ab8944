package io.keyfob.policy;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The policy on the embedded H2 database.
 */
@SpringBootTest
class PolicyStoreIntegrationTests extends PolicyStoreChecks {

}
