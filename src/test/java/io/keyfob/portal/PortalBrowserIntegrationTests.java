package io.keyfob.portal;

import io.keyfob.support.GraphTestClient;
import io.keyfob.support.browser.Browser;
import io.keyfob.support.browser.BrowserExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages every signed-in person sees, in a real browser.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
class PortalBrowserIntegrationTests {

	static Browser browser;

	@Test
	void signInLandsOnMySecurityInfo() {
		browser.signIn(GraphTestClient.ADMIN_UPN, GraphTestClient.ADMIN_PASSWORD);
		assertThat(browser.path()).isEqualTo("/my-security-info");
		assertThat(browser.heading()).isEqualTo("Security info");
		browser.screenshot(java.nio.file.Path.of("target/screenshots/dev-security-info.png"));
		browser.open("/mysecurityinfo");
		assertThat(browser.path()).isEqualTo("/my-security-info");
		browser.follow("Admin center");
		browser.screenshot(java.nio.file.Path.of("target/screenshots/dev-admin.png"));
	}

}
