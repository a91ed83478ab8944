package io.keyfob.authmethod;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for users' hardware OATH methods.
 *
 * @param activation {@code keyfob.activation.*}
 * @param methods {@code keyfob.methods.*}
 */
@ConfigurationProperties("keyfob")
public record AuthMethodProperties(@DefaultValue Activation activation, @DefaultValue Methods methods) {

	/**
	 * Activation settings.
	 *
	 * @param mode {@code strict} (default) or {@code entra}, see {@link ActivationMode}
	 * @param additionalCodeTimeout how long a first code found outside the narrow window
	 * waits for the next one
	 */
	public record Activation(@DefaultValue("strict") ActivationMode mode,
			@DefaultValue("5m") Duration additionalCodeTimeout) {
	}

	/**
	 * Limits on methods.
	 *
	 * @param maxPerUser the most hardware OATH methods a user may hold (default 5, as
	 * Entra)
	 */
	public record Methods(@DefaultValue("5") int maxPerUser) {
	}

}
