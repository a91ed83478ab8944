package io.keyfob.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows an import's progress on one terminal line, redrawn in place: first the rows
 * checked, then the rows stored. Off a terminal it prints nothing, so logs of scripted
 * runs stay clean.
 */
final class ProgressBar {

	private static final int WIDTH = 30;

	private final PrintWriter out;

	private final boolean enabled;

	private String last = "";

	ProgressBar(PrintWriter out, boolean enabled) {
		this.out = out;
		this.enabled = enabled;
	}

	/**
	 * Redraws the bar.
	 * @param phase such as {@code Checking} or {@code Storing}
	 * @param done rows done in this phase
	 * @param total rows in this phase
	 */
	void show(String phase, int done, int total) {
		if (!this.enabled) {
			return;
		}
		int percent = (total > 0) ? (int) (100L * done / total) : 100;
		int filled = WIDTH * percent / 100;
		String line = String.format(Locale.ROOT, "\r%-9s [%s%s] %3d%% %,d of %,d tokens", phase, "#".repeat(filled),
				"-".repeat(WIDTH - filled), percent, done, total);
		if (!line.equals(this.last)) {
			this.out.print(line);
			this.out.flush();
			this.last = line;
		}
	}

	/**
	 * Ends the bar's line, if one was drawn.
	 */
	void finish() {
		if (this.enabled && !this.last.isEmpty()) {
			this.out.println();
			this.out.flush();
			this.last = "";
		}
	}

}
