package io.keyfob.support.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through Debian's chromedriver. Both are named by
 * path, so Selenium Manager never tries to download a browser or a driver (there is no
 * network for that here, nor on CI).
 */
final class Chromium {

	static final String BROWSER = System.getProperty("keyfob.test.chromium", "/usr/bin/chromium");

	static final String DRIVER = System.getProperty("keyfob.test.chromedriver", "/usr/bin/chromedriver");

	/** Why browser tests were skipped, for {@code assumeTrue}. */
	static final String NOT_INSTALLED = "Browser tests skipped: Chromium or chromedriver is missing (" + BROWSER + ", "
			+ DRIVER + "); apt-get install chromium chromium-driver to run them";

	private Chromium() {
	}

	static boolean available() {
		return Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER));
	}

	/**
	 * Start a browser with a fresh profile, 1280 by 900 pixels unless
	 * {@code -Dkeyfob.test.window=390x844} (for example) asks for a phone's screen.
	 * @param profile an empty directory for the profile
	 * @return the driver
	 */
	static ChromeDriver start(Path profile) {
		System.setProperty("SE_OFFLINE", "true");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-extensions", "--lang=en-GB", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		String[] size = System.getProperty("keyfob.test.window", "1280x900").split("x");
		driver.manage().window().setSize(new Dimension(Integer.parseInt(size[0]), Integer.parseInt(size[1])));
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		return driver;
	}

	static Path newProfile() {
		try {
			return Files.createTempDirectory("keyfob-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
