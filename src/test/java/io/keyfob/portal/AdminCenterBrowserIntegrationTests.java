package io.keyfob.portal;

import java.nio.file.Files;
import java.nio.file.Path;

import io.keyfob.seedimport.TestSeedFiles;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.MutableClock;
import io.keyfob.support.TestClockConfiguration;
import io.keyfob.support.browser.Browser;
import io.keyfob.support.browser.BrowserExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin center in a real browser, as the bootstrap Global Administrator: turn the
 * policy on, see a pass policy value refused next to its field, upload the sample seed
 * file of docs/getting-started.md, create a user, give them one token with a code from
 * {@code TokenDisplay} and one without, find the first in the inventory and the audit
 * log; then the user activates the second.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@ExtendWith(BrowserExtension.class)
class AdminCenterBrowserIntegrationTests {

	static Browser browser;

	@Autowired
	MutableClock clock;

	@Test
	void seedUploadMessagesNameThePagesFieldsAndHexCanBeChosen(@TempDir Path files) throws Exception {
		Path encrypted = files.resolve("password.pskcxml");
		Files.write(encrypted, TestSeedFiles.resource("pskc/csv2pskc/password.pskcxml"));
		Path csv = files.resolve("hex.csv");
		Files.writeString(csv,
				"serial number,secret key,time interval,manufacturer\n"
						+ "KF-HEX-1,3132333435363738393031323334353637383930,30,Acme\n"
						+ "KF-HEX-2,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,Acme\n");

		browser.signIn(GraphTestClient.ADMIN_UPN, GraphTestClient.ADMIN_PASSWORD);
		browser.open("/admin/imports");
		browser.attach("file", encrypted).press("Upload");
		assertThat(browser.fieldError("password")).contains("give it with the Password field")
			.doesNotContain("--password");

		browser.attach("file", csv).press("Upload");
		browser.waitForUpdate("rejected");
		assertThat(browser.text()).contains("Nothing imported", "import the file with Secret encoding: Hex",
				"give one for the whole file with the Model field");
		browser.follow("Upload another file");
		assertThat(browser.text()).contains("all rows rejected");

		browser.driver()
			.findElement(org.openqa.selenium.By.xpath("//summary[contains(., 'without a manufacturer or model')]"))
			.click();
		browser.attach("file", csv).choose("secretEncoding-hex").fill("model", "C200").press("Upload");
		browser.waitForUpdate("1 created");
		assertThat(browser.driver().findElement(org.openqa.selenium.By.linkText("API explorer")).getAttribute("href"))
			.endsWith("/api-explorer");
		browser.signOut();
	}

	@Test
	void adminEnablesThePolicyCreatesAUserAndGivesThemAnActivatedToken() throws Exception {
		PortalFixtures fixtures = new PortalFixtures(this.clock);
		byte[] seed = DemoSeedFileTests.secretOf("DEMO-0002");
		byte[] spare = DemoSeedFileTests.secretOf("DEMO-0003");

		browser.signIn(GraphTestClient.ADMIN_UPN, GraphTestClient.ADMIN_PASSWORD);
		browser.follow("Admin center");
		assertThat(browser.heading()).isEqualTo("Dashboard");

		browser.follow("Hardware OATH policy");
		browser.choose("state-enabled").choose("include-all");
		browser.press("Save");
		assertThat(browser.text()).contains("Saved. Hardware tokens are on");
		browser.follow("Temporary Access Pass policy");
		browser.fill("defaultLength", "7").press("Save");
		assertThat(browser.fieldError("defaultLength")).contains("Must be from 8 to 48, but is 7.");
		assertThat(browser.focused()).isEqualTo("error-summary");

		browser.follow("Upload seed file");
		browser.press("Upload");
		assertThat(browser.fieldError("file")).contains("Choose the seed file");
		browser.attach("file", DemoSeedFileTests.SAMPLE).press("Upload");
		assertThat(browser.heading()).isEqualTo("Import of demo-tokens.csv");
		browser.waitForUpdate("5 created").checked();
		assertThat(browser.text()).contains("5 rows", "Go to the inventory");

		browser.follow("Users");
		browser.follow("New user");
		browser.press("Create user");
		assertThat(browser.fieldError("userPrincipalName")).contains("name@example.org");
		assertThat(browser.focused()).isEqualTo("error-summary");
		browser.fill("userPrincipalName", "carol@keyfob.test")
			.fill("displayName", "Carol Jones")
			.fill("password", "Carol-password-123")
			.press("Create user");
		assertThat(browser.heading()).isEqualTo("Carol Jones");
		assertThat(browser.text()).contains("User carol@keyfob.test is created", "No hardware token.");

		browser.fill("serialNumber", "DEMO-0002")
			.fill("displayName", "Carol's fob")
			.fill("code", fixtures.code(seed))
			.press("Give token");
		assertThat(browser.text()).contains("Token DEMO-0002 is assigned to Carol Jones and active");

		browser.fill("serialNumber", "DEMO-0003").press("Give token");
		assertThat(browser.text()).contains("Token DEMO-0003 is assigned to Carol Jones. They activate it");

		browser.follow("Token inventory");
		browser.fill("q", "DEMO").press("Search").waitForUpdate("5 tokens");
		assertThat(browser.text()).contains("DEMO-0001", "DEMO-0005", "Carol Jones");
		assertThat(browser.driver().findElements(By.cssSelector("td .model"))).isNotEmpty()
			.allSatisfy((model) -> assertThat(model.getText()).isEqualTo("Demo fob"));
		assertThat(browser.driver().findElement(By.cssSelector(".table-wrap")).getAttribute("tabindex")).isEqualTo("0");
		browser.follow("DEMO-0002");
		assertThat(browser.heading()).isEqualTo("Token DEMO-0002");
		assertThat(browser.text()).contains("Carol Jones (carol@keyfob.test)", "Active", "Not locked", "Resync")
			.doesNotContain("Reset drift");

		browser.follow("Dashboard");
		assertThat(browser.text()).contains("All tokens", "Activations in the last 30 days");
		assertThat(browser.driver().findElements(By.cssSelector("svg.chart line.grid"))).hasSizeGreaterThan(4);

		browser.follow("Audit log");
		assertThat(new Select(browser.driver().findElement(By.id("log"))).getFirstSelectedOption().getText())
			.isEqualTo("Changes");
		assertThat(browser.text()).doesNotContain("Sign in with password");
		browser.fill("target", "carol@keyfob.test").fill("action", "activate").press("Show");
		assertThat(browser.text()).contains("Activate hardware OATH token", "admin@keyfob.test");
		new Select(browser.driver().findElement(By.id("log"))).selectByValue("signins");
		browser.fill("target", "").fill("action", "").press("Show");
		assertThat(browser.text()).contains("Sign in with password", "admin@keyfob.test");
		browser.signOut();

		// Carol signs in with her first token and activates the one given to her without
		// a code
		fixtures.nextStep();
		browser.signIn("carol@keyfob.test", "Carol-password-123");
		browser.fill("code", fixtures.code(seed)).press("Verify");
		assertThat(browser.text()).contains("Assigned, not activated");
		browser.follow("Activate");
		browser.fill("code", fixtures.code(spare)).press("Activate");
		assertThat(browser.text()).contains("Your hardware token is active");
		browser.signOut();
	}

}
