package io.keyfob.support.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.webjars.WebJarVersionLocator;

/**
 * Runs axe-core (from its WebJar) inside the page and reports the serious and critical
 * violations of WCAG 2.1 A and AA and axe's best practices.
 */
final class Axe {

	private static final String RESOURCE = Objects.requireNonNull(
			new WebJarVersionLocator().fullPath("axe-core", "axe.min.js"),
			"axe.min.js is missing: the axe-core WebJar is a test dependency");

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag',
					values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
					resultTypes: ['violations'] })
				.then(results => done(results.violations.map(v => ({ id: v.id, impact: v.impact || '',
					help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary) }))))
				.catch(error => done([{ id: 'axe-error', impact: 'critical', help: String(error), nodes: [] }]));
			""";

	private static volatile String source;

	private Axe() {
	}

	/**
	 * Check the page now in the browser.
	 * @param driver the browser
	 * @return one line per serious or critical violation; empty if there is none
	 */
	@SuppressWarnings("unchecked")
	static List<String> seriousViolations(WebDriver driver) {
		JavascriptExecutor js = (JavascriptExecutor) driver;
		if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
			js.executeScript(source());
		}
		List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(RUN);
		List<String> serious = new ArrayList<>();
		for (Map<String, Object> violation : violations) {
			String impact = String.valueOf(violation.get("impact"));
			if (impact.equals("serious") || impact.equals("critical")) {
				serious.add(impact + " " + violation.get("id") + " (" + violation.get("help") + "): "
						+ violation.get("nodes"));
			}
		}
		return serious;
	}

	private static String source() {
		if (source == null) {
			try (InputStream in = Objects.requireNonNull(Axe.class.getClassLoader().getResourceAsStream(RESOURCE),
					RESOURCE + " is missing: the axe-core WebJar is a test dependency")) {
				source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return source;
	}

}
