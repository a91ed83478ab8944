package io.keyfob.support.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One headless Chromium for a test class, with the few moves the portal tests need. Every
 * page the browser lands on is checked with axe-core once: a serious or critical
 * violation fails the test with the list of violations. With
 * {@code -Dkeyfob.test.screenshots=true} it also saves a screenshot of each page under
 * {@code target/screenshots/pages/}, for looking at the pages.
 */
public final class Browser implements AutoCloseable {

	/** The page's markup, without the CSRF token that differs each time. */
	private static final String MARKUP = """
			const page = document.documentElement.cloneNode(true);
			page.querySelectorAll('input[name="_csrf"]').forEach(input => input.removeAttribute('value'));
			return page.outerHTML;
			""";

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	private int pages;

	private final Map<String, List<String>> checkedMarkup = new HashMap<>();

	Browser(String baseUrl) {
		this.baseUrl = baseUrl;
		this.profile = Chromium.newProfile();
		this.driver = Chromium.start(this.profile);
	}

	/**
	 * Go to a page of the server under test.
	 * @param path for example {@code /my-security-info}
	 * @return this
	 */
	public Browser open(String path) {
		this.driver.get(this.baseUrl + path);
		return checked();
	}

	/**
	 * Type into a field, replacing what is there.
	 * @param id the field's id (which its label's {@code for} names)
	 * @param text what to type
	 * @return this
	 */
	public Browser fill(String id, String text) {
		WebElement field = this.driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/**
	 * Choose a file in a file field.
	 * @param id the field's id
	 * @param file the file
	 * @return this
	 */
	public Browser attach(String id, Path file) {
		this.driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
		return this;
	}

	/**
	 * Tick a radio button or a checkbox.
	 * @param id its id
	 * @return this
	 */
	public Browser choose(String id) {
		WebElement input = this.driver.findElement(By.id(id));
		if (!input.isSelected()) {
			input.click();
		}
		return this;
	}

	/**
	 * Press a button by its visible text, and wait for the page it leads to.
	 * @param text the button's text
	 * @return this
	 */
	public Browser press(String text) {
		WebElement button = this.driver.findElement(By.xpath("//button[normalize-space(.)=" + literal(text) + "]"));
		boolean htmx = !button.findElements(By.xpath("ancestor::form[@hx-get or @hx-post]")).isEmpty();
		WebElement page = this.driver.findElement(By.tagName("html"));
		button.click();
		if (!htmx) {
			// wait for the next page, so nothing is read from the one being left
			awaitNextPage(page);
		}
		return checked();
	}

	/**
	 * Wait until the page being left is gone, so nothing is read from it.
	 * @param page the old page's root element
	 */
	private void awaitNextPage(WebElement page) {
		new WebDriverWait(this.driver, Duration.ofSeconds(15)).until((d) -> isGone(page));
	}

	private static boolean isGone(WebElement page) {
		try {
			page.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			// mid-navigation, Chromium may report the old root as a node that "does not
			// belong to the document" instead of as stale: it is gone all the same
			if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	/**
	 * Follow a link by its visible text.
	 * @param text the link's text (without visually hidden parts)
	 * @return this
	 */
	public Browser follow(String text) {
		By link = By.xpath("//a[starts-with(normalize-space(.), " + literal(text) + ")]");
		WebElement page = this.driver.findElement(By.tagName("html"));
		retryingWhenReplaced(() -> this.driver.findElement(link).click());
		awaitNextPage(page);
		return checked();
	}

	/**
	 * Sign in on the sign-in page.
	 * @param userName the user principal name
	 * @param password the password
	 * @return this
	 */
	public Browser signIn(String userName, String password) {
		open("/login");
		fill("username", userName);
		fill("password", password);
		return press("Sign in");
	}

	/**
	 * Sign out with the button in the top bar.
	 * @return this
	 */
	public Browser signOut() {
		return press("Sign out");
	}

	public String path() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	public String heading() {
		return this.driver.findElement(By.tagName("h1")).getText();
	}

	/**
	 * The text of the page's main content.
	 * @return the visible text
	 */
	public String text() {
		String[] text = new String[1];
		retryingWhenReplaced(() -> text[0] = this.driver.findElement(By.tagName("body")).getText());
		return text[0];
	}

	/**
	 * Wait until htmx has no request in flight and the page's text contains something:
	 * for parts of pages that htmx replaces.
	 * @param text the text
	 * @return this
	 */
	public Browser waitForUpdate(String text) {
		// a page that htmx reloads may be half gone while it is read: ask again
		new WebDriverWait(this.driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
			.until((d) -> Boolean.TRUE.equals(
					((JavascriptExecutor) d).executeScript("return document.querySelector('.htmx-request') === null"))
					&& text().contains(text));
		return this;
	}

	// htmx may swap the element between finding and using it
	private static void retryingWhenReplaced(Runnable action) {
		for (int attempt = 1;; attempt++) {
			try {
				action.run();
				return;
			}
			catch (StaleElementReferenceException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	/**
	 * The message shown next to a field.
	 * @param field the field's id
	 * @return the message, read through the field's {@code aria-describedby}
	 */
	public String fieldError(String field) {
		WebElement input = this.driver.findElement(By.id(field));
		assertThat(input.getAttribute("aria-invalid")).as("aria-invalid of #" + field).isEqualTo("true");
		assertThat(input.getAttribute("aria-describedby")).contains(field + "-error");
		return this.driver.findElement(By.id(field + "-error")).getText();
	}

	/**
	 * The id of the element that has the keyboard focus.
	 * @return its id, or an empty string
	 */
	public String focused() {
		Object id = ((JavascriptExecutor) this.driver).executeScript("return document.activeElement.id");
		return (id != null) ? id.toString() : "";
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Save a screenshot of the current page.
	 * @param file where, as PNG
	 */
	public void screenshot(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Check the page that is open now with axe-core, unless it was checked already.
	 * @return this
	 */
	public Browser checked() {
		JavascriptExecutor js = (JavascriptExecutor) this.driver;
		if (Boolean.TRUE.equals(js.executeScript("return window.__keyfobAxeChecked === true"))) {
			return this;
		}
		// axe's answer depends on the markup only: a page whose markup was checked before
		// (the same sign-in form again, say) is not checked twice
		String markup = (String) js.executeScript(MARKUP);
		List<String> violations = this.checkedMarkup.containsKey(markup) ? this.checkedMarkup.get(markup)
				: Axe.seriousViolations(this.driver);
		this.checkedMarkup.put(markup, violations);
		js.executeScript("window.__keyfobAxeChecked = true");
		if (Boolean.getBoolean("keyfob.test.screenshots")) {
			String name = path().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
			screenshot(Path.of("target", "screenshots", "pages",
					String.format(Locale.ROOT, "%03d-%s.png", ++this.pages, name.isEmpty() ? "root" : name)));
		}
		assertThat(violations).as("serious or critical accessibility violations on " + path()).isEmpty();
		return this;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

	private static String literal(String text) {
		return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
	}

}
