package io.keyfob.authmethod;

import java.security.SecureRandom;

import io.keyfob.otp.CodeWindow;
import io.keyfob.otp.HashFunction;
import io.keyfob.otp.OtpCode;
import io.keyfob.otp.OtpGenerator;
import io.keyfob.otp.OtpParameters;
import org.jspecify.annotations.Nullable;

/**
 * Work that costs about what checking a real code costs, for callers who must not learn
 * from the time taken whether a user exists or has a token.
 */
final class DummyCheck {

	private static final OtpCode PLACEHOLDER = OtpCode.parse("000000");

	private final byte[] key = new byte[20];

	DummyCheck() {
		new SecureRandom().nextBytes(this.key);
	}

	boolean run(@Nullable OtpCode code) {
		OtpCode typed = (code != null) ? code : PLACEHOLDER;
		OtpGenerator generator = OtpGenerator.of(this.key, new OtpParameters(HashFunction.HMAC_SHA1, typed.length()));
		return generator.findMatch(typed, CodeWindow.around(1_000_000, 2)).isPresent();
	}

}
