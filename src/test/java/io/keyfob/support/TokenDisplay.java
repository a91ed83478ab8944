package io.keyfob.support;

import java.time.Instant;

import io.keyfob.otp.HashFunction;
import io.keyfob.otp.Hotp;
import io.keyfob.otp.OtpParameters;
import io.keyfob.otp.Totp;

/**
 * The code a hardware token would show, computed in-process by Keyfob's own OTP engine,
 * which {@code HotpTests}, {@code TotpTests} and {@code OathToolCrossCheckTests} check
 * against the RFC 4226 and RFC 6238 test vectors and against {@code oathtool}. Tests of
 * the rules that use codes take them from here, so they run where {@code oathtool} is not
 * installed; {@link OathTool} stays for the cross-checks.
 */
public final class TokenDisplay {

	private TokenDisplay() {
	}

	/**
	 * The code an HOTP token shows for a counter value (HMAC-SHA-1, as RFC 4226).
	 * @param key the seed
	 * @param digits 6, 7 or 8
	 * @param counter the counter
	 * @return the code
	 */
	public static String hotp(byte[] key, int digits, long counter) {
		return Hotp.generate(key, counter, new OtpParameters(HashFunction.HMAC_SHA1, digits));
	}

	/**
	 * The code a TOTP token shows at a time ({@code T0 = 0}).
	 * @param key the seed
	 * @param hashFunction the HMAC
	 * @param digits 6, 7 or 8
	 * @param stepSeconds the time step in seconds
	 * @param at the token's time
	 * @return the code
	 */
	public static String totp(byte[] key, HashFunction hashFunction, int digits, int stepSeconds, Instant at) {
		return Totp.generate(key, at.getEpochSecond(), stepSeconds, new OtpParameters(hashFunction, digits));
	}

}
