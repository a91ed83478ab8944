package io.keyfob.token;

import io.keyfob.otp.HashFunction;
import org.jspecify.annotations.Nullable;

/**
 * What it takes to put a token into the inventory. {@link TokenInventory#create} checks
 * every rule and says which property breaks one.
 *
 * @param serialNumber the serial number printed on the token (required)
 * @param displayName a friendly name (optional)
 * @param manufacturer the vendor (required)
 * @param model the model (required)
 * @param secret the seed (required)
 * @param otpType TOTP (the Graph default) or HOTP
 * @param hashFunction the HMAC hash; Graph's default is HMAC-SHA1
 * @param digits 6 or 8
 * @param timeIntervalSeconds 30 or 60 for TOTP; ignored for HOTP
 * @param counter the HOTP counter the token shows next; ignored for TOTP
 * @param driftSteps a known clock drift of a TOTP token in steps, for example from a PSKC
 * file
 * @param validity when the token's codes may be accepted, for example a PSKC
 * {@code ExpiryDate}
 */
public record NewHardwareOathToken(@Nullable String serialNumber, @Nullable String displayName,
		@Nullable String manufacturer, @Nullable String model, TokenSecret secret, OtpType otpType,
		HashFunction hashFunction, int digits, @Nullable Integer timeIntervalSeconds, long counter, int driftSteps,
		TokenValidity validity) {

	/**
	 * A token without limits on when it may be used.
	 * @param serialNumber the serial number printed on the token
	 * @param displayName a friendly name
	 * @param manufacturer the vendor
	 * @param model the model
	 * @param secret the seed
	 * @param otpType TOTP or HOTP
	 * @param hashFunction the HMAC hash
	 * @param digits 6 or 8
	 * @param timeIntervalSeconds 30 or 60 for TOTP
	 * @param counter the HOTP counter the token shows next
	 * @param driftSteps a known clock drift of a TOTP token in steps
	 */
	public NewHardwareOathToken(@Nullable String serialNumber, @Nullable String displayName,
			@Nullable String manufacturer, @Nullable String model, TokenSecret secret, OtpType otpType,
			HashFunction hashFunction, int digits, @Nullable Integer timeIntervalSeconds, long counter,
			int driftSteps) {
		this(serialNumber, displayName, manufacturer, model, secret, otpType, hashFunction, digits, timeIntervalSeconds,
				counter, driftSteps, TokenValidity.ALWAYS);
	}

	/**
	 * The same token with a window of use.
	 * @param newValidity when its codes may be accepted
	 * @return the command
	 */
	public NewHardwareOathToken withValidity(TokenValidity newValidity) {
		return new NewHardwareOathToken(this.serialNumber, this.displayName, this.manufacturer, this.model, this.secret,
				this.otpType, this.hashFunction, this.digits, this.timeIntervalSeconds, this.counter, this.driftSteps,
				newValidity);
	}

	/**
	 * A TOTP token with Graph's defaults: HMAC-SHA1, 6 digits, no drift.
	 * @param serialNumber the serial number
	 * @param manufacturer the vendor
	 * @param model the model
	 * @param secret the seed
	 * @param timeIntervalSeconds 30 or 60
	 * @return the command
	 */
	public static NewHardwareOathToken totp(String serialNumber, String manufacturer, String model, TokenSecret secret,
			int timeIntervalSeconds) {
		return new NewHardwareOathToken(serialNumber, null, manufacturer, model, secret, OtpType.TOTP,
				HashFunction.HMAC_SHA1, 6, timeIntervalSeconds, 0, 0);
	}

	/**
	 * The serial number in the form in which serial numbers are compared: trimmed and
	 * lower case, so {@code " galt-11 "} and {@code "GALT-11"} are the same token.
	 * @return the key, or {@code null} when the serial number is missing or blank
	 */
	public @Nullable String serialKey() {
		return (this.serialNumber == null || this.serialNumber.isBlank()) ? null
				: TokenRules.serialKey(this.serialNumber);
	}

	@Override
	public String toString() {
		return "NewHardwareOathToken[serialNumber=" + this.serialNumber + ", otpType=" + this.otpType + "]";
	}

}
