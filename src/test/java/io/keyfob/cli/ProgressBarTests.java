package io.keyfob.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress bar draws one line in place, only when a person watches.
 */
class ProgressBarTests {

	@Test
	void showWhenEnabledThenRedrawsOneLineAndFinishEndsIt() {
		StringWriter text = new StringWriter();
		ProgressBar bar = new ProgressBar(new PrintWriter(text), true);

		bar.show("Checking", 500, 1000);
		bar.show("Checking", 500, 1000);
		bar.show("Storing", 1000, 1000);
		bar.finish();

		assertThat(text.toString()).isEqualTo("\rChecking  [###############---------------]  50% 500 of 1,000 tokens"
				+ "\rStoring   [##############################] 100% 1,000 of 1,000 tokens\n");
	}

	@Test
	void showWhenDisabledThenPrintsNothing() {
		StringWriter text = new StringWriter();
		ProgressBar bar = new ProgressBar(new PrintWriter(text), false);

		bar.show("Checking", 1, 2);
		bar.finish();

		assertThat(text.toString()).isEmpty();
	}

	@Test
	void showWhenNothingToDoThenFull() {
		StringWriter text = new StringWriter();
		ProgressBar bar = new ProgressBar(new PrintWriter(text), true);

		bar.show("Storing", 0, 0);

		assertThat(text.toString()).contains("100% 0 of 0 tokens");
	}

}
