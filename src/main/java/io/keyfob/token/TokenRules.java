package io.keyfob.token;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The rules for token properties, in one place so the Graph API, the seed-file import and
 * the pages all say the same thing.
 */
final class TokenRules {

	static final int MAX_TEXT = 256;

	static final Set<Integer> TIME_INTERVALS = Set.of(30, 60);

	static final Set<Integer> DIGITS = Set.of(6, 8);

	private TokenRules() {
	}

	/**
	 * Check a new token's properties and build it, available and unassigned.
	 */
	static HardwareOathToken newToken(NewHardwareOathToken command, Instant now) {
		String serialNumber = serialNumber(command.serialNumber());
		String manufacturer = required("manufacturer", command.manufacturer(), "the vendor's name");
		String model = required("model", command.model(), "the model name");
		return new HardwareOathToken(UUID.randomUUID(), serialNumber, displayName(command.displayName()), manufacturer,
				model, command.otpType(), command.hashFunction(), digits(command.digits()),
				timeInterval(command.otpType(), command.timeIntervalSeconds()), TokenStatus.AVAILABLE, null,
				(command.otpType() == OtpType.TOTP) ? command.driftSteps() : 0, now, null, 0, null, command.validity());
	}

	static String serialNumber(@Nullable String serialNumber) {
		return required("serialNumber", serialNumber, "the serial number printed on the token");
	}

	/**
	 * The form in which serial numbers are compared: {@code " galt-11 "} and
	 * {@code "GALT-11"} are the same token.
	 */
	static String serialKey(String serialNumber) {
		return serialNumber.strip().toLowerCase(Locale.ROOT);
	}

	static String required(String property, @Nullable String value, String what) {
		if (value == null || value.isBlank()) {
			throw new InvalidTokenException(property, "is required: give " + what);
		}
		return maxLength(property, value.strip());
	}

	static @Nullable String displayName(@Nullable String displayName) {
		return (displayName == null || displayName.isBlank()) ? null : maxLength("displayName", displayName.strip());
	}

	static int digits(int digits) {
		if (!DIGITS.contains(digits)) {
			throw new InvalidTokenException("digits", digits + " is not allowed: use 6 or 8");
		}
		return digits;
	}

	static @Nullable Integer timeInterval(OtpType type, @Nullable Integer seconds) {
		if (type == OtpType.HOTP) {
			return null;
		}
		if (seconds == null) {
			throw new InvalidTokenException("timeIntervalInSeconds", "is required for a TOTP token: use 30 or 60");
		}
		if (!TIME_INTERVALS.contains(seconds)) {
			throw new InvalidTokenException("timeIntervalInSeconds", seconds + " is not allowed: use 30 or 60");
		}
		return seconds;
	}

	static long counter(OtpType type, long counter) {
		if (type == OtpType.HOTP && counter < 0) {
			throw new InvalidTokenException("counter", "must be 0 or more");
		}
		return (type == OtpType.HOTP) ? counter : 0;
	}

	private static String maxLength(String property, String value) {
		if (value.length() > MAX_TEXT) {
			throw new InvalidTokenException(property,
					"is " + value.length() + " characters long; at most " + MAX_TEXT + " are allowed");
		}
		return value;
	}

}
