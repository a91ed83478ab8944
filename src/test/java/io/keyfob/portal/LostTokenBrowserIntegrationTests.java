package io.keyfob.portal;

import java.util.List;

import io.keyfob.accesspass.TemporaryAccessPassPolicy;
import io.keyfob.accesspass.TemporaryAccessPasses;
import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.HardwareOathActivations;
import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.directory.User;
import io.keyfob.policy.AuthenticationMethodState;
import io.keyfob.policy.AuthenticationMethodsPolicy;
import io.keyfob.support.GraphTestClient;
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
 * The lost-token story in a real browser: a user reports her token lost, the helpdesk
 * creates a one-time Temporary Access Pass on her page, she signs in with it, adds a new
 * token, signs out and signs in with the new token; the pass works no more, and someone
 * who finds the old token cannot add it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@ExtendWith(BrowserExtension.class)
class LostTokenBrowserIntegrationTests {

	static Browser browser;

	@Autowired
	TokenInventory inventory;

	@Autowired
	DirectoryAdministration directory;

	@Autowired
	AuthenticationMethodsPolicy policy;

	@Autowired
	HardwareOathActivations activations;

	@Autowired
	TemporaryAccessPasses passes;

	@Autowired
	MutableClock clock;

	PortalFixtures fixtures;

	@BeforeEach
	void setUp() {
		Assumptions.assumeTrue(OathTool.available(), OathTool.NOT_INSTALLED);
		PortalFixtures.enablePolicyForAllUsers(this.policy);
		this.passes.updatePolicy(new TemporaryAccessPassPolicy(AuthenticationMethodState.ENABLED,
				List.of(TemporaryAccessPassPolicy.ALL_USERS), List.of(), 60, 60, 480, 8, true, false));
		this.fixtures = new PortalFixtures(this.clock);
	}

	@Test
	void userReportsTokenLostSignsInWithPassAndAddsANewOneAndTheFinderCannotClaimTheOld() {
		User lena = PortalFixtures.user(this.directory, "lena@keyfob.test", "Lena-password-123");
		PortalFixtures.user(this.directory, "finn@keyfob.test", "Finn-password-123");
		byte[] lost = PortalFixtures.token(this.inventory, "KF-LENA-1");
		byte[] fresh = PortalFixtures.token(this.inventory, "KF-LENA-2");
		this.activations.assignAndActivateBySerialNumber(Actor.self(lena.id(), null), lena.id(), "KF-LENA-1",
				this.fixtures.code(lost), "Old key fob");
		this.fixtures.nextStep();

		// she reports the token lost
		browser.signIn("lena@keyfob.test", "Lena-password-123");
		browser.fill("code", this.fixtures.code(lost)).press("Verify");
		browser.follow("I lost this token");
		browser.press("Block the token");
		assertThat(browser.text()).contains("is blocked", "ask your helpdesk for a Temporary Access Pass");
		browser.signOut();

		// the helpdesk creates a one-time pass on her page
		browser.signIn(GraphTestClient.ADMIN_UPN, GraphTestClient.ADMIN_PASSWORD);
		browser.open("/admin/users/" + lena.id());
		browser.press("Create Temporary Access Pass");
		assertThat(browser.heading()).isEqualTo("Temporary Access Pass created");
		String pass = browser.driver().findElement(By.id("pass")).getDomProperty("value");
		browser.signOut();

		// she signs in with it and adds her new token
		browser.open("/login");
		browser.follow("Use a Temporary Access Pass");
		browser.fill("username", "lena@keyfob.test").fill("pass", pass).press("Sign in");
		assertThat(browser.path()).isEqualTo("/my-security-info");
		browser.follow("Add sign-in method");
		browser.press("Next");
		browser.fill("serialNumber", "KF-LENA-2").press("Next");
		browser.fill("displayName", "New key fob").press("Next");
		this.fixtures.nextStep();
		browser.fill("code", this.fixtures.code(fresh)).press("Next");
		assertThat(browser.heading()).isEqualTo("Your hardware token is ready");
		browser.signOut();

		// from now on she signs in with the new token
		this.fixtures.nextStep();
		browser.signIn("lena@keyfob.test", "Lena-password-123");
		assertThat(browser.path()).startsWith("/login/otp");
		browser.fill("code", this.fixtures.code(fresh)).press("Verify");
		assertThat(browser.path()).isEqualTo("/my-security-info");
		assertThat(browser.text()).contains("New key fob").doesNotContain("KF-LENA-1");
		browser.signOut();

		// the pass is used up
		browser.open("/login/pass");
		browser.fill("username", "lena@keyfob.test").fill("pass", pass).press("Sign in");
		assertThat(browser.text()).contains("wrong, used up or expired");

		// whoever finds the old token cannot add it
		browser.signIn("finn@keyfob.test", "Finn-password-123");
		browser.follow("Add sign-in method");
		browser.press("Next");
		browser.fill("serialNumber", "KF-LENA-1").press("Next");
		assertThat(browser.fieldError("serialNumber")).contains("This token cannot be added");
		browser.signOut();
	}

}
