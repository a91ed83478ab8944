package io.keyfob.portal;

import java.time.Duration;

import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.support.MutableClock;
import io.keyfob.support.OathTool;
import io.keyfob.support.TestClockConfiguration;
import io.keyfob.support.browser.Browser;
import io.keyfob.support.browser.BrowserExtension;
import io.keyfob.token.TokenInventory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed article's end-user flow in a real browser: a user signs in with a password,
 * adds a hardware token on My Security Info by serial number, name and a code computed by
 * {@code oathtool} from the seed the test imported, and from then on signs in with
 * password and code. Also the failure path: wrong codes, then the lock.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@ExtendWith(BrowserExtension.class)
class SelfServiceBrowserIntegrationTests {

	static Browser browser;

	@Autowired
	TokenInventory inventory;

	@Autowired
	DirectoryAdministration directory;

	@Autowired
	AuthenticationMethodsPolicy policy;

	@Autowired
	MutableClock clock;

	PortalFixtures fixtures;

	@BeforeEach
	void setUp() {
		Assumptions.assumeTrue(OathTool.available(), OathTool.NOT_INSTALLED);
		PortalFixtures.enablePolicyForAllUsers(this.policy);
		this.fixtures = new PortalFixtures(this.clock);
	}

	@Test
	void userAddsHardwareTokenBySerialNumberAndSignsInWithItsCodes() {
		PortalFixtures.user(this.directory, "amy@keyfob.test", "Amy-password-123");
		byte[] seed = PortalFixtures.token(this.inventory, "KF-AMY-1");

		browser.signIn("amy@keyfob.test", "Amy-password-123");
		assertThat(browser.path()).isEqualTo("/my-security-info");
		assertThat(browser.text()).contains("You sign in with your password only.");

		browser.follow("Add sign-in method");
		assertThat(browser.heading()).isEqualTo("Add a sign-in method");
		browser.press("Next");

		browser.fill("serialNumber", "KF-NOBODY").press("Next");
		assertThat(browser.fieldError("serialNumber")).contains("No available token has this serial number");
		assertThat(browser.focused()).isEqualTo("error-summary");

		browser.fill("serialNumber", "kf-amy-1").press("Next");
		assertThat(browser.heading()).isEqualTo("Name your token");
		browser.press("Next");
		assertThat(browser.fieldError("displayName")).contains("Enter a name");
		browser.fill("displayName", "Blue key fob").press("Next");

		assertThat(browser.heading()).isEqualTo("Enter the code");
		browser.fill("code", this.fixtures.code(seed)).press("Next");

		assertThat(browser.heading()).isEqualTo("Your hardware token is ready");
		browser.follow("Done");
		assertThat(browser.text()).contains("Blue key fob", "KF-AMY-1", "Active");

		browser.signOut();
		assertThat(browser.text()).contains("You are signed out");
		this.fixtures.nextStep();
		browser.signIn("amy@keyfob.test", "Amy-password-123");
		assertThat(browser.path()).startsWith("/login/otp");
		browser.fill("code", this.fixtures.code(seed)).press("Verify");
		assertThat(browser.path()).isEqualTo("/my-security-info");
		assertThat(browser.text()).contains("Blue key fob");

		browser.follow("Rename").fill("displayName", "Work key").press("Save");
		assertThat(browser.text()).contains("The token is now called \u201cWork key\u201d");

		this.fixtures.nextStep();
		String first = this.fixtures.code(seed);
		this.fixtures.nextStep();
		browser.follow("Resync").fill("firstCode", first).fill("nextCode", this.fixtures.code(seed)).press("Resync");
		assertThat(browser.text()).contains("Your token is in step again");

		browser.follow("Remove");
		assertThat(browser.heading()).isEqualTo("Remove this token?");
		browser.press("Remove token");
		assertThat(browser.text()).contains("is no longer one of your sign-in methods",
				"You sign in with your password only.");
		browser.signOut();
	}

	@Test
	void aTokenWhoseClockIsFarOffIsAddedWithItsNextCodeToo() {
		PortalFixtures.user(this.directory, "cleo@keyfob.test", "Cleo-password-123");
		byte[] seed = PortalFixtures.token(this.inventory, "KF-CLEO-1");
		browser.signIn("cleo@keyfob.test", "Cleo-password-123");
		browser.open("/my-security-info/add/hardware-token");
		browser.fill("serialNumber", "KF-CLEO-1").press("Next");
		browser.fill("displayName", "Drawer token").press("Next");
		browser.fill("code", this.fixtures.codeAhead(seed, Duration.ofHours(3))).press("Next");
		assertThat(browser.fieldError("code")).contains("is far from ours", "enter that code too");
		assertThat(browser.driver().findElement(By.cssSelector("label[for=code]")).getText()).isEqualTo("Next code");
		browser.fill("code", this.fixtures.codeAhead(seed, Duration.ofHours(3).plusSeconds(30))).press("Next");
		assertThat(browser.heading()).isEqualTo("Your hardware token is ready");
		browser.follow("Done");
		browser.signOut();
	}

	@Test
	void wrongCodesSayHowManyTriesAreLeftThenTheLockSaysUntilWhen() {
		PortalFixtures.user(this.directory, "bob@keyfob.test", "Bob-password-123");
		byte[] seed = PortalFixtures.token(this.inventory, "KF-BOB-1");
		browser.signIn("bob@keyfob.test", "Bob-password-123");
		browser.open("/my-security-info/add/hardware-token");
		browser.fill("serialNumber", "KF-BOB-1").press("Next");
		browser.fill("displayName", "Bob's token").press("Next");

		browser.fill("code", "12345").press("Next");
		assertThat(browser.fieldError("code")).contains("Enter the 6 digits");
		for (String wrong : this.fixtures.wrongCodes(seed, 5)) {
			browser.fill("code", wrong).press("Next");
			assertThat(browser.fieldError("code")).contains("That code is not right");
		}
		browser.fill("code", this.fixtures.code(seed)).press("Next");
		assertThat(browser.fieldError("code")).contains("Too many wrong codes", "locked until");
		assertThat(browser.focused()).isEqualTo("error-summary");
		browser.signOut();
	}

}
