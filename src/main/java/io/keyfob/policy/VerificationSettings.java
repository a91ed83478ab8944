package io.keyfob.policy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How codes are checked and guessing is stopped: the settings under {@code keyfob.*} that
 * the user-method and sign-in modules read. Defaults follow docs/design.md "Verification
 * rules".
 *
 * @param activation how a first code proves possession of a token
 * @param methods limits on a user's methods
 * @param lockout throttling and lockout after wrong codes
 */
@ConfigurationProperties("keyfob")
public record VerificationSettings(@DefaultValue Activation activation, @DefaultValue Methods methods,
		@DefaultValue Lockout lockout) {

	/**
	 * Activation settings ({@code keyfob.activation.*}).
	 *
	 * @param mode {@code strict} (a match outside the narrow window needs the next code
	 * too) or {@code entra} (one code, as Entra)
	 */
	public record Activation(@DefaultValue("strict") ActivationMode mode) {
	}

	/**
	 * Method limits ({@code keyfob.methods.*}).
	 *
	 * @param maxPerUser the most hardware OATH methods one user may hold
	 */
	public record Methods(@DefaultValue("5") int maxPerUser) {

		public Methods {
			if (maxPerUser < 1) {
				throw new IllegalArgumentException("keyfob.methods.max-per-user must be at least 1");
			}
		}

	}

	/**
	 * Brute-force protection ({@code keyfob.lockout.*}), per user and method.
	 *
	 * @param throttleAfter consecutive failures after which attempts are slowed down
	 * @param lockAfter consecutive failures after which the method is locked
	 * @param lockDuration how long the first lock lasts; each further lock doubles it
	 * @param maxLockDuration the longest a lock lasts
	 * @param maxFailures consecutive failures after which only an admin can unlock (NIST
	 * SP 800-63B: at most 100)
	 */
	public record Lockout(@DefaultValue("5") int throttleAfter, @DefaultValue("10") int lockAfter,
			@DefaultValue("15m") Duration lockDuration, @DefaultValue("24h") Duration maxLockDuration,
			@DefaultValue("100") int maxFailures) {

		/**
		 * How long each attempt waits after the previous failure once
		 * {@code throttleAfter} failures are reached; pages announce it with this number.
		 */
		public static final Duration THROTTLE_DELAY = Duration.ofSeconds(30);

		/**
		 * Whether attempts are throttled after this many consecutive failures.
		 * @param failures consecutive failures so far
		 * @return whether the next attempt must wait {@link #THROTTLE_DELAY}
		 */
		public boolean throttles(int failures) {
			return failures >= this.throttleAfter;
		}

		public Lockout {
			if (throttleAfter < 1 || lockAfter < throttleAfter || maxFailures < lockAfter || maxFailures > 100) {
				throw new IllegalArgumentException(
						"keyfob.lockout needs 1 <= throttle-after <= lock-after " + "<= max-failures <= 100");
			}
		}

	}

	/**
	 * How activation treats a first code found far from the current time.
	 */
	public enum ActivationMode {

		/**
		 * A match outside the narrow window activates only with the next code as well.
		 */
		STRICT,

		/** One matching code in the wide window activates, as in Entra. */
		ENTRA

	}

}
