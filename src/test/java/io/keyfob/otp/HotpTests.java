package io.keyfob.otp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * HOTP against RFC 4226 Appendix D and extra values (7 and 8 digits), computed with
 * oathtool 2.6.7.
 */
class HotpTests {

	private static final OtpParameters SIX_DIGITS = new OtpParameters(HashFunction.HMAC_SHA1, 6);

	private static final OtpParameters SEVEN_DIGITS = new OtpParameters(HashFunction.HMAC_SHA1, 7);

	private static final OtpParameters EIGHT_DIGITS = new OtpParameters(HashFunction.HMAC_SHA1, 8);

	/**
	 * RFC 4226 Appendix D; the 8-digit column is not in the RFC but computed with
	 * oathtool.
	 */
	@ParameterizedTest
	@CsvSource({ "0, 755224, 84755224", "1, 287082, 94287082", "2, 359152, 37359152", "3, 969429, 26969429",
			"4, 338314, 40338314", "5, 254676, 68254676", "6, 287922, 18287922", "7, 162583, 82162583",
			"8, 399871, 73399871", "9, 520489, 45520489" })
	void generateWhenRfc4226CountThenRfcValue(long counter, String sixDigits, String eightDigits) {
		assertThat(Hotp.generate(TestSeeds.rfc4226(), counter, SIX_DIGITS)).isEqualTo(sixDigits);
		assertThat(Hotp.generate(TestSeeds.rfc4226(), counter, EIGHT_DIGITS)).isEqualTo(eightDigits);
	}

	@Test
	void generateWhenCounterIsZeroThenRfcValue() {
		assertThat(Hotp.generate(TestSeeds.rfc4226(), 0, SIX_DIGITS)).isEqualTo("755224");
	}

	@ParameterizedTest
	@CsvSource({ "0, 4755224", "1, 4287082", "2, 7359152" })
	void generateWhenSevenDigitsThenOathtoolValue(long counter, String expected) {
		assertThat(Hotp.generate(TestSeeds.rfc4226(), counter, SEVEN_DIGITS)).isEqualTo(expected);
	}

	/**
	 * The counter is an unsigned 64-bit number (RFC 4226 §5.1): a negative {@code long}
	 * stands for a value of 2^63 or more; oathtool agrees
	 * ({@code -c 18446744073709551615}).
	 */
	@ParameterizedTest
	@CsvSource({ "9223372036854775807, 181742", "-9223372036854775808, 959616", "-1, 094451" })
	void generateWhenCounterAtTheTopOfTheRangeThenUnsignedValue(long counter, String expected) {
		assertThat(Hotp.generate(TestSeeds.rfc4226(), counter, SIX_DIGITS)).isEqualTo(expected);
	}

	@Test
	void generateWhenCodeHasLeadingZeroThenKeepsIt() {
		assertThat(Hotp.generate(TestSeeds.rfc4226(), -1, SIX_DIGITS)).hasSize(6).startsWith("0");
	}

	@Test
	void generateWhenKeyIsEmptyThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Hotp.generate(new byte[0], 0, SIX_DIGITS))
			.withMessage("key must not be empty");
	}

	@Test
	void generateWhenArgumentIsNullThenNamesIt() {
		assertThatNullPointerException().isThrownBy(() -> Hotp.generate(null, 0, SIX_DIGITS))
			.withMessage("key must not be null");
		assertThatNullPointerException().isThrownBy(() -> Hotp.generate(TestSeeds.rfc4226(), 0, null))
			.withMessage("parameters must not be null");
	}

}
