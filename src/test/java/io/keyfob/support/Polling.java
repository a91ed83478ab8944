package io.keyfob.support;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits for work that a server finishes in the background, however busy the machine: a
 * test waits for a state, never for a time.
 */
public final class Polling {

	private static final long PATIENCE_SECONDS = 30;

	private Polling() {
	}

	/**
	 * Wait until something is true, failing after 30 seconds.
	 * @param what what is awaited, for the failure message
	 * @param done whether it has happened
	 */
	public static void until(String what, BooleanSupplier done) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
		while (!done.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what).isLessThan(deadline);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
