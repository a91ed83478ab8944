package io.keyfob.token;

import io.keyfob.otp.HashFunction;
import org.jspecify.annotations.Nullable;

/**
 * A change to an unassigned token's properties (Graph: update). A {@code null} property
 * keeps its value; the serial number, the secret and the type never change.
 *
 * @param displayName the new friendly name; an empty string clears it
 * @param manufacturer the new vendor
 * @param model the new model
 * @param hashFunction the new hash
 * @param timeIntervalSeconds the new TOTP step, 30 or 60
 */
public record TokenChanges(@Nullable String displayName, @Nullable String manufacturer, @Nullable String model,
		@Nullable HashFunction hashFunction, @Nullable Integer timeIntervalSeconds) {

	/**
	 * Whether this changes nothing.
	 * @return {@code true} if every property is {@code null}
	 */
	public boolean isEmpty() {
		return this.displayName == null && this.manufacturer == null && this.model == null && this.hashFunction == null
				&& this.timeIntervalSeconds == null;
	}

	HardwareOathToken applyTo(HardwareOathToken token) {
		String newDisplayName = (this.displayName != null) ? TokenRules.displayName(this.displayName)
				: token.displayName();
		String newManufacturer = (this.manufacturer != null)
				? TokenRules.required("manufacturer", this.manufacturer, "the vendor's name") : token.manufacturer();
		String newModel = (this.model != null) ? TokenRules.required("model", this.model, "the model name")
				: token.model();
		HashFunction newHash = (this.hashFunction != null) ? this.hashFunction : token.hashFunction();
		Integer newInterval = (this.timeIntervalSeconds != null)
				? TokenRules.timeInterval(token.otpType(), this.timeIntervalSeconds) : token.timeIntervalSeconds();
		return token.withDetails(newDisplayName, newManufacturer, newModel, newHash, newInterval);
	}

}
