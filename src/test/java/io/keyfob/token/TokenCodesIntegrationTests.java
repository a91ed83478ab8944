package io.keyfob.token;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link TokenCodesContract} on the embedded H2 database.
 */
// a server it does not call and the clock of the browser tests, so that they share one
// start
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TokenCodesIntegrationTests extends TokenCodesContract {

}
