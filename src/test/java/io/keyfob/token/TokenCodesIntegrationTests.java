package io.keyfob.token;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link TokenCodesContract} on the embedded H2 database.
 */
@SpringBootTest
class TokenCodesIntegrationTests extends TokenCodesContract {

}
