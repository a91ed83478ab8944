package io.keyfob.portal;

import java.time.Duration;
import java.util.List;

import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.support.MutableClock;
import io.keyfob.support.TestClockConfiguration;
import io.keyfob.support.browser.Browser;
import io.keyfob.support.browser.BrowserExtension;
import io.keyfob.token.TokenInventory;
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
 * {@code TokenDisplay} from the seed the test imported, and from then on signs in with
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
		// an expected step, told calmly: no error summary, no field marked wrong
		assertThat(browser.text()).contains("One more code, please", "is far from ours")
			.doesNotContain("There is a problem");
		assertThat(browser.driver().findElement(By.id("code")).getAttribute("aria-invalid")).isNull();
		assertThat(browser.driver().findElement(By.cssSelector("label[for=code]")).getText()).isEqualTo("Next code");
		browser.fill("code", this.fixtures.codeAhead(seed, Duration.ofHours(3).plusSeconds(30))).press("Next");
		assertThat(browser.heading()).isEqualTo("Your hardware token is ready");
		browser.follow("Done");
		browser.signOut();
	}

	@Test
	void signInMessagesKeepTheNameSayTheRealWaitsAndNameTheAccount() {
		PortalFixtures.user(this.directory, "dora@keyfob.test", "Dora-password-123");
		byte[] seed = PortalFixtures.token(this.inventory, "KF-DORA-1");

		browser.signIn("dora@keyfob.test", "wrong-password");
		assertThat(browser.text()).contains("The user name or password is wrong");
		assertThat(browser.driver().findElement(By.id("username")).getAttribute("value")).isEqualTo("dora@keyfob.test");
		for (int i = 2; i <= 5; i++) {
			browser.signIn("dora@keyfob.test", "wrong-password-" + i);
		}
		browser.signIn("dora@keyfob.test", "Dora-password-123");
		assertThat(browser.text()).contains("Too many failed sign-ins with this name. Try again in 5 seconds.")
			.doesNotContain("few minutes");
		this.clock.advance(Duration.ofSeconds(5));

		browser.signIn("dora@keyfob.test", "Dora-password-123");
		browser.open("/my-security-info/add/hardware-token");
		browser.fill("serialNumber", "KF-DORA-1").press("Next");
		browser.fill("displayName", "Dora's fob").press("Next");
		assertThat(browser.text()).contains("a code lasts 30 seconds (60 on some tokens)", "6 or 8 digits, no spaces.")
			.doesNotContain("within a minute");
		browser.fill("code", this.fixtures.code(seed)).press("Next");
		browser.follow("Done");
		browser.signOut();

		this.fixtures.nextStep();
		browser.signIn("dora@keyfob.test", "Dora-password-123");
		assertThat(browser.text()).contains("Signing in as dora@keyfob.test", "6 or 8 digits", "30 seconds");
		List<String> wrong = this.fixtures.wrongCodes(seed, 10);
		for (int i = 0; i < 5; i++) {
			browser.fill("code", wrong.get(i)).press("Verify");
		}
		assertThat(browser.text()).contains("From now on, wait 30 seconds after a wrong code before the next.");
		browser.fill("code", wrong.get(5)).press("Verify");
		assertThat(browser.text()).contains("Too many wrong codes in a row. Wait 30 seconds");
		for (int i = 5; i < 10; i++) {
			this.fixtures.nextStep();
			browser.fill("code", wrong.get(i)).press("Verify");
		}
		assertThat(browser.text()).contains("Too many wrong codes: your token is locked. Try again in 15 minutes.")
			.doesNotContain("UTC");
		browser.press("Cancel and sign out");
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
		assertThat(browser.fieldError("code")).contains("Enter the 6 or 8 digits");
		for (String wrong : this.fixtures.wrongCodes(seed, 5)) {
			browser.fill("code", wrong).press("Next");
			assertThat(browser.fieldError("code")).contains("That code is not right");
		}
		// the fifth wrong code announces the throttle, the next try says how long to wait
		assertThat(browser.fieldError("code")).contains("From now on, wait 30 seconds after a wrong code");
		browser.fill("code", this.fixtures.code(seed)).press("Next");
		assertThat(browser.fieldError("code")).contains("Too many wrong codes in a row. Wait 30 seconds");
		assertThat(browser.focused()).isEqualTo("error-summary");
		browser.signOut();
	}

}
