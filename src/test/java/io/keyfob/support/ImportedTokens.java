package io.keyfob.support;

import java.time.Clock;
import java.time.Instant;

import io.keyfob.otp.HashFunction;
import io.keyfob.otp.OtpCode;
import io.keyfob.token.CheckWindow;
import io.keyfob.token.CodeCheck;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.OtpType;
import io.keyfob.token.TokenCodes;
import io.keyfob.token.TokenInventory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that imported tokens work: a code computed by {@link TokenDisplay} from the
 * secret a fixture is known to hold is accepted by the token Keyfob stored under that
 * serial number.
 */
public final class ImportedTokens {

	private final TokenInventory inventory;

	private final TokenCodes codes;

	private final Clock clock;

	public ImportedTokens(TokenInventory inventory, TokenCodes codes, Clock clock) {
		this.inventory = inventory;
		this.codes = codes;
		this.clock = clock;
	}

	/**
	 * Asserts that the TOTP token with a serial number accepts the current code, as
	 * {@link TokenDisplay} computes it from the secret the file holds.
	 * @param serialNumber the serial number
	 * @param secret the secret
	 * @return the token
	 */
	public HardwareOathToken assertAcceptsTotp(String serialNumber, byte[] secret) {
		HardwareOathToken token = this.inventory.getBySerialNumber(serialNumber);
		assertThat(token.otpType()).isEqualTo(OtpType.TOTP);
		String code = TokenDisplay.totp(secret, token.hashFunction(), token.digits(), token.timeIntervalSeconds(),
				this.clock.instant());
		assertAccepted(token, code);
		return token;
	}

	/**
	 * Asserts that the HOTP token with a serial number accepts the code of a counter
	 * value, as {@link TokenDisplay} computes it from the secret the file holds.
	 * @param serialNumber the serial number
	 * @param secret the secret
	 * @param counter the counter value
	 * @return the token
	 */
	public HardwareOathToken assertAcceptsHotp(String serialNumber, byte[] secret, long counter) {
		HardwareOathToken token = this.inventory.getBySerialNumber(serialNumber);
		assertThat(token.otpType()).isEqualTo(OtpType.HOTP);
		String code = (token.hashFunction() == HashFunction.HMAC_SHA1)
				? TokenDisplay.hotp(secret, token.digits(), counter)
				: TokenDisplay.totp(secret, token.hashFunction(), token.digits(), 1, Instant.ofEpochSecond(counter));
		assertAccepted(token, code);
		return token;
	}

	private void assertAccepted(HardwareOathToken token, String code) {
		CodeCheck check = this.codes.check(token.id(), OtpCode.parse(code), CheckWindow.signIn());
		assertThat(check.accepted()).as("code of %s from TokenDisplay", token.serialNumber()).isTrue();
	}

}
