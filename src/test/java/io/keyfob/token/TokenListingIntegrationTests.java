package io.keyfob.token;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Listing the inventory on the embedded H2 database. The checks count every token in the
 * database, so this class gets a context (and an in-memory database) of its own instead
 * of sharing one with classes that create tokens of their own.
 */
@SpringBootTest(properties = "keyfob.test.isolated-context=token-listing")
@DirtiesContext
class TokenListingIntegrationTests extends TokenListingChecks {

}
