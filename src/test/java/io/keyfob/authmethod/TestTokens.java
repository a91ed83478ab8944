package io.keyfob.authmethod;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import io.keyfob.otp.CodeWindow;
import io.keyfob.otp.HashFunction;
import io.keyfob.otp.OtpCode;
import io.keyfob.otp.OtpGenerator;
import io.keyfob.otp.OtpParameters;
import io.keyfob.otp.Totp;
import io.keyfob.support.ChosenSeeds;
import io.keyfob.support.TokenDisplay;
import io.keyfob.token.CheckWindow;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.OtpType;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenSecret;

/**
 * Tokens whose seeds the test knows, and their codes as the token would show them
 * computes them.
 *
 * @param id the token id
 * @param serialNumber its serial number
 * @param seed its seed
 * @param type TOTP or HOTP
 */
record TestTokens(UUID id, String serialNumber, byte[] seed, OtpType type) {

	/**
	 * How far off the tests set tokens' clocks; codes at these offsets must not show at
	 * another step of the activation window.
	 */
	private static final Duration[] CLOCK_OFFSETS = Stream
		.of("PT10M", "-PT10M", "PT2H", "PT3H", "-PT5H", "PT7H", "PT20H", "-PT20H")
		.map(Duration::parse)
		.toArray(Duration[]::new);

	/** Steps past the activation window that tests may move the clock by. */
	private static final int WRONG_CODE_SLACK = 20;

	/** The highest counter value the tests press. */
	private static final int LAST_PRESS = 80;

	/**
	 * A TOTP token whose codes near the start time, and near it at each clock offset the
	 * tests use, show at no other step of the activation window.
	 * @param inventory the inventory
	 * @return the token
	 */
	static TestTokens totp(TokenInventory inventory) {
		byte[] seed = ChosenSeeds.totp(MethodTestConfiguration.START, CLOCK_OFFSETS);
		String serial = "FT" + UUID.randomUUID().toString().substring(0, 8);
		UUID id = inventory.create(NewHardwareOathToken.totp(serial, "Feitian", "c200", TokenSecret.of(seed), 30)).id();
		return new TestTokens(id, serial, seed, OtpType.TOTP);
	}

	static TestTokens hotp(TokenInventory inventory) {
		byte[] seed = ChosenSeeds.hotp(LAST_PRESS);
		String serial = "YK" + UUID.randomUUID().toString().substring(0, 8);
		UUID id = inventory
			.create(new NewHardwareOathToken(serial, null, "Yubico", "YubiKey HOTP", TokenSecret.of(seed), OtpType.HOTP,
					HashFunction.HMAC_SHA1, 6, null, 0, 0))
			.id();
		return new TestTokens(id, serial, seed, OtpType.HOTP);
	}

	/**
	 * The code a TOTP token whose clock is off by {@code drift} shows at {@code now}.
	 * @param now the server's time
	 * @param drift how far the token's clock is ahead (negative: behind)
	 * @return the code
	 */
	String codeAt(Instant now, Duration drift) {
		return TokenDisplay.totp(this.seed, HashFunction.HMAC_SHA1, 6, 30, now.plus(drift));
	}

	String codeAt(Instant now) {
		return codeAt(now, Duration.ZERO);
	}

	/**
	 * The code an HOTP token shows for a counter value.
	 * @param counter the counter
	 * @return the code
	 */
	String press(long counter) {
		return TokenDisplay.hotp(this.seed, 6, counter);
	}

	/**
	 * A code that this token does not show anywhere near {@code now}, nor anywhere in the
	 * activation window of a TOTP token (where it would ask for the next code instead of
	 * being wrong), different for each {@code n}.
	 * @param now the server's time
	 * @param n which wrong code
	 * @return the code
	 */
	String wrongCodeAt(Instant now, int n) {
		OtpGenerator generator = OtpGenerator.of(this.seed, new OtpParameters(HashFunction.HMAC_SHA1, 6));
		long centre = (this.type == OtpType.TOTP) ? Totp.step(now.getEpochSecond(), 30) : 0;
		for (int candidate = n;; candidate += 7919) {
			String code = String.format(Locale.ROOT, "%06d", candidate % 1_000_000);
			if (generator.findMatch(OtpCode.parse(code), CodeWindow.around(centre + 200, 200)).isEmpty()
					&& generator.findMatch(OtpCode.parse(code), CodeWindow.around(Math.max(centre - 200, 200),
							200))
						.isEmpty()
					&& (this.type != OtpType.TOTP || generator
						.findMatch(OtpCode.parse(code),
								CodeWindow.around(centre, CheckWindow.ACTIVATION_RADIUS + WRONG_CODE_SLACK))
						.isEmpty())) {
				return code;
			}
		}
	}

	/**
	 * Whether a TOTP code also shows somewhere within {@code radius} steps of
	 * {@code now}: a wide window of 5,761 steps holds a given 6-digit code by chance
	 * about once in 170 tokens, so tests of "outside the window" pick tokens where it
	 * does not.
	 * @param code the code
	 * @param now the server's time
	 * @param radius steps either side
	 * @return whether the code matches a step in the window
	 */
	boolean showsWithin(String code, Instant now, int radius) {
		OtpGenerator generator = OtpGenerator.of(this.seed, new OtpParameters(HashFunction.HMAC_SHA1, 6));
		return generator.findMatch(OtpCode.parse(code), CodeWindow.around(Totp.step(now.getEpochSecond(), 30), radius))
			.isPresent();
	}

}
