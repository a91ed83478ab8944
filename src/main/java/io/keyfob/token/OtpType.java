package io.keyfob.token;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a token counts time (TOTP, RFC 6238) or button presses (HOTP, RFC 4226). Graph
 * knows only TOTP; {@code otpType} is a Keyfob extension property.
 */
public enum OtpType {

	TOTP, HOTP;

	public String graphName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<OtpType> fromGraphName(String name) {
		return switch (name.strip().toLowerCase(Locale.ROOT)) {
			case "totp" -> Optional.of(TOTP);
			case "hotp" -> Optional.of(HOTP);
			default -> Optional.empty();
		};
	}

}
