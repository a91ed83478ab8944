package io.keyfob.token;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Listing the inventory on the embedded H2 database, in an application context (and so an
 * in-memory database) of its own: the checks count every token in the table.
 */
@SpringBootTest(properties = "spring.application.name=keyfob-listing-tests")
@DirtiesContext
class TokenListingIntegrationTests extends TokenListingChecks {

}
