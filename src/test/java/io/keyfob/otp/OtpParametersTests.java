package io.keyfob.otp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class OtpParametersTests {

	@ParameterizedTest
	@ValueSource(ints = { 6, 7, 8 })
	void newWhenSixToEightDigitsThenAccepted(int digits) {
		assertThat(new OtpParameters(HashFunction.HMAC_SHA1, digits).digits()).isEqualTo(digits);
	}

	@ParameterizedTest
	@ValueSource(ints = { 5, 9, 0, -6 })
	void newWhenDigitsOutOfRangeThenRejected(int digits) {
		assertThatIllegalArgumentException().isThrownBy(() -> new OtpParameters(HashFunction.HMAC_SHA1, digits))
			.withMessage("digits must be between 6 and 8, was " + digits);
	}

	@Test
	void newWhenHashFunctionIsNullThenNamesIt() {
		assertThatNullPointerException().isThrownBy(() -> new OtpParameters(null, 6))
			.withMessage("hashFunction must not be null");
	}

	@Test
	void modulusWhenDigitsThenPowerOfTen() {
		assertThat(new OtpParameters(HashFunction.HMAC_SHA1, 6).modulus()).isEqualTo(1_000_000);
		assertThat(new OtpParameters(HashFunction.HMAC_SHA1, 8).modulus()).isEqualTo(100_000_000);
	}

}
