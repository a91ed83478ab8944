package io.keyfob;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link InputBoundaryChecks} on the default embedded database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class InputBoundaryIntegrationTests extends InputBoundaryChecks {

}
