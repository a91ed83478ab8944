package io.keyfob.support.browser;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a browser test class one {@link Browser}, started before the first test against
 * the class's server ({@code local.server.port}) and closed after the last; saves
 * {@code target/screenshots/<class>.<test>.png} when a test fails; and skips the class,
 * with the reason, when Chromium or chromedriver is not installed. The test class
 * declares a {@code static Browser browser} field that this fills in.
 */
public final class BrowserExtension implements BeforeAllCallback, AfterAllCallback, TestWatcher {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BrowserExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		if (!Chromium.available()) {
			System.err.println(Chromium.NOT_INSTALLED);
		}
		Assumptions.assumeTrue(Chromium.available(), Chromium.NOT_INSTALLED);
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		Browser browser = new Browser("http://127.0.0.1:" + port);
		context.getStore(NAMESPACE).put(Browser.class, browser);
		Field field = browserField(context.getRequiredTestClass());
		field.setAccessible(true);
		field.set(null, browser);
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		Browser browser = browser(context);
		if (browser != null) {
			Path file = Path.of("target", "screenshots", context.getRequiredTestClass().getSimpleName() + "."
					+ context.getRequiredTestMethod().getName() + ".png");
			browser.screenshot(file);
			System.err.println("Screenshot of the failed browser test: " + file.toAbsolutePath());
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Browser browser = browser(context);
		if (browser != null) {
			browser.close();
		}
	}

	// a test's store looks in its class's store too
	private static @Nullable Browser browser(ExtensionContext context) {
		return context.getStore(NAMESPACE).get(Browser.class, Browser.class);
	}

	private static Field browserField(Class<?> testClass) {
		for (Field field : testClass.getDeclaredFields()) {
			if (field.getType() == Browser.class && Modifier.isStatic(field.getModifiers())) {
				return field;
			}
		}
		throw new IllegalStateException(testClass.getName() + " needs a static Browser field for BrowserExtension");
	}

}
