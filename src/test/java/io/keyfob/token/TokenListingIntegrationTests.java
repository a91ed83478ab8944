package io.keyfob.token;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Listing the inventory on the embedded H2 database.
 */
@SpringBootTest
class TokenListingIntegrationTests extends TokenListingChecks {

}
