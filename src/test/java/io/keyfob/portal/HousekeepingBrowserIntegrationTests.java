package io.keyfob.portal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.keyfob.accesspass.TemporaryAccessPassPolicy;
import io.keyfob.accesspass.TemporaryAccessPasses;
import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.TokenBlocking;
import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.directory.NewUser;
import io.keyfob.otp.HashFunction;
import io.keyfob.policy.AuthenticationMethodState;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.TestClockConfiguration;
import io.keyfob.support.browser.Browser;
import io.keyfob.support.browser.BrowserExtension;
import io.keyfob.token.BlockReason;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.OtpType;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenSecret;
import io.keyfob.token.TokenValidity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's housekeeping counts and the token page's validity form in a real
 * browser, at a fixed time: a token expiring in 30 days, one in 200, one blocked as lost
 * and a Temporary Access Pass in use are counted and listed; a backwards window is
 * refused next to its field; a new expiry date takes the token off the list. Its own
 * database (the extra property), so that other tests' tokens do not change the counts.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "debug=false")
@Import(TestClockConfiguration.class)
@ExtendWith(BrowserExtension.class)
class HousekeepingBrowserIntegrationTests {

	static Browser browser;

	@Autowired
	TemporaryAccessPasses passes;

	@Autowired
	DirectoryAdministration directory;

	@Autowired
	TokenInventory inventory;

	@Autowired
	TokenBlocking blocking;

	@Test
	void dashboardCountsWhatNeedsLookingAfterAndTheValidityFormMovesATokenOffTheExpiringList() {
		token("HK-SOON", new TokenValidity(null, TestClockConfiguration.START.plus(Duration.ofDays(30))));
		token("HK-LATER", new TokenValidity(null, TestClockConfiguration.START.plus(Duration.ofDays(200))));
		UUID lost = token("HK-LOST", TokenValidity.ALWAYS);
		this.blocking.block(Actor.application("housekeeping-test"), lost, BlockReason.LOST);
		this.passes.updatePolicy(new TemporaryAccessPassPolicy(AuthenticationMethodState.ENABLED,
				List.of(TemporaryAccessPassPolicy.ALL_USERS), List.of(), 60, 60, 480, 8, false, false));
		UUID user = this.directory.createUser(new NewUser("pass.holder@keyfob.test", "Pass Holder", true, null)).id();
		this.passes.create(user, null, null, null);

		browser.signIn(GraphTestClient.ADMIN_UPN, GraphTestClient.ADMIN_PASSWORD);
		browser.open("/admin");
		assertThat(stat("stat-expiring")).isEqualTo("1");
		assertThat(stat("stat-lost")).isEqualTo("1");
		assertThat(stat("stat-stolen")).isEqualTo("0");
		assertThat(stat("stat-passes")).isEqualTo("1");

		browser.follow("1 Blocked as lost");
		assertThat(browser.text()).contains("HK-LOST", "lost,").doesNotContain("HK-SOON");
		browser.open("/admin");
		browser.follow("1 Expiring within 90 days");
		assertThat(browser.path()).isEqualTo("/admin/inventory?show=expiring");
		assertThat(browser.text()).contains("1 token", "HK-SOON").doesNotContain("HK-LATER", "HK-LOST");

		browser.follow("HK-SOON");
		browser.fill("validFrom", "2027-01-01").fill("validUntil", "2026-12-31").press("Save validity");
		assertThat(browser.fieldError("validUntil")).contains("after the valid-from date");
		assertThat(browser.focused()).isEqualTo("error-summary");
		browser.fill("validFrom", "someday").press("Save validity");
		assertThat(browser.fieldError("validFrom")).contains("2027-06-30");

		browser.fill("validFrom", "").fill("validUntil", "2027-12-31").press("Save validity");
		assertThat(browser.text()).contains("The token's validity is changed");
		assertThat(browser.driver().findElement(By.id("validUntil")).getAttribute("value"))
			.isEqualTo("2027-12-31T00:00:00Z");

		browser.open("/admin");
		assertThat(stat("stat-expiring")).isEqualTo("0");
		browser.signOut();
	}

	private UUID token(String serialNumber, TokenValidity validity) {
		return this.inventory
			.create(new NewHardwareOathToken(serialNumber, null, "Acme", "A1",
					TokenSecret.of("12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
					OtpType.TOTP, HashFunction.HMAC_SHA1, 6, 30, 0, 0)
				.withValidity(validity))
			.id();
	}

	private static String stat(String id) {
		return browser.driver().findElement(By.cssSelector("#" + id + " .stat-value")).getText();
	}

}
