/**
 * Browser tests: headless Debian Chromium driven by Selenium, an axe-core accessibility
 * check on every page, and a screenshot of the page when a test fails.
 */
@NullMarked
package io.keyfob.support.browser;

import org.jspecify.annotations.NullMarked;
