package io.keyfob.shared;

import java.time.Duration;

/**
 * A wait in words a person can act on ("try again in 30 seconds"), rounded up so that
 * whoever follows it is never too early.
 */
public final class Waits {

	private Waits() {
	}

	/**
	 * Says how long a wait is.
	 * @param wait the wait; zero or less reads as one second
	 * @return for example {@code 5 seconds}, {@code 15 minutes} or {@code 2 hours}
	 */
	public static String of(Duration wait) {
		long seconds = Math.max(1, wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0));
		if (seconds < 90) {
			return plural(seconds, "second");
		}
		long minutes = (seconds + 59) / 60;
		if (minutes < 90) {
			return plural(minutes, "minute");
		}
		return plural((minutes + 59) / 60, "hour");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + ((count == 1) ? "" : "s");
	}

}
