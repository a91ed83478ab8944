package io.keyfob.otp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * TOTP against RFC 6238 Appendix B and extra values computed with oathtool 2.6.7.
 */
class TotpTests {

	private static final int STEP = 30;

	/**
	 * RFC 6238 Appendix B: 8 digits, X = 30, T0 = 0, each hash with its own seed length.
	 */
	@ParameterizedTest
	@CsvSource({ "59, HMAC_SHA1, 94287082", "59, HMAC_SHA256, 46119246", "59, HMAC_SHA512, 90693936",
			"1111111109, HMAC_SHA1, 07081804", "1111111109, HMAC_SHA256, 68084774", "1111111109, HMAC_SHA512, 25091201",
			"1111111111, HMAC_SHA1, 14050471", "1111111111, HMAC_SHA256, 67062674", "1111111111, HMAC_SHA512, 99943326",
			"1234567890, HMAC_SHA1, 89005924", "1234567890, HMAC_SHA256, 91819424", "1234567890, HMAC_SHA512, 93441116",
			"2000000000, HMAC_SHA1, 69279037", "2000000000, HMAC_SHA256, 90698825", "2000000000, HMAC_SHA512, 38618901",
			"20000000000, HMAC_SHA1, 65353130", "20000000000, HMAC_SHA256, 77737706",
			"20000000000, HMAC_SHA512, 47863826" })
	void generateWhenRfc6238TimeThenRfcValue(long epochSecond, HashFunction hashFunction, String expected) {
		OtpParameters parameters = new OtpParameters(hashFunction, 8);
		assertThat(Totp.generate(TestSeeds.rfc6238(hashFunction), epochSecond, STEP, parameters)).isEqualTo(expected);
	}

	/**
	 * Appendix B names only the 20-byte seed; with it SHA-256 gives another value, which
	 * is the classic mistake when reading the RFC: its SHA-256 and SHA-512 rows come from
	 * the 32- and 64-byte seeds of the Appendix A code.
	 */
	@Test
	void generateWhenSha256WithTwentyByteSeedThenNotTheRfcValue() {
		OtpParameters parameters = new OtpParameters(HashFunction.HMAC_SHA256, 8);
		assertThat(Totp.generate(TestSeeds.rfc4226(), 59, STEP, parameters)).isEqualTo("32247374")
			.isNotEqualTo("46119246");
	}

	@Test
	void generateWhenSixtySecondStepThenOathtoolValue() {
		OtpParameters parameters = new OtpParameters(HashFunction.HMAC_SHA1, 6);
		assertThat(Totp.generate(TestSeeds.rfc4226(), 1111111111, 60, parameters)).isEqualTo("360094");
	}

	@Test
	void generateWhenNextStepThenOathtoolValue() {
		OtpParameters parameters = new OtpParameters(HashFunction.HMAC_SHA1, 8);
		assertThat(Totp.generate(TestSeeds.rfc4226(), 1111111111 + STEP, STEP, parameters)).isEqualTo("44266759");
	}

	@Test
	void generateWhenCodeHasLeadingZeroThenKeepsIt() {
		OtpParameters parameters = new OtpParameters(HashFunction.HMAC_SHA1, 8);
		assertThat(Totp.generate(TestSeeds.rfc4226(), 1111111109, STEP, parameters)).isEqualTo("07081804");
	}

	/**
	 * A code changes exactly at multiples of the step: t = 29 is still step 0 (RFC 4226
	 * count 0), t = 30 to 59 are step 1 and t = 60 is step 2.
	 */
	@ParameterizedTest
	@CsvSource({ "0, 0, 84755224", "29, 0, 84755224", "30, 1, 94287082", "59, 1, 94287082", "60, 2, 37359152" })
	void generateWhenAtStepBoundaryThenCodeOfThatStep(long epochSecond, long step, String expected) {
		OtpParameters parameters = new OtpParameters(HashFunction.HMAC_SHA1, 8);
		assertThat(Totp.step(epochSecond, STEP)).isEqualTo(step);
		assertThat(Totp.generate(TestSeeds.rfc4226(), epochSecond, STEP, parameters)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "20000000000, 30, 666666666", "20000000000, 60, 333333333", "1111111111, 1, 1111111111",
			"9223372036854775807, 1, 9223372036854775807", "9223372036854775807, 30, 307445734561825860",
			"59, 2147483647, 0" })
	void stepWhenAnyPositiveStepSizeThenFloorOfQuotient(long epochSecond, int stepSeconds, long expected) {
		assertThat(Totp.step(epochSecond, stepSeconds)).isEqualTo(expected);
	}

	@Test
	void stepWhenTimeIsNegativeThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Totp.step(-1, STEP))
			.withMessage("epochSecond must not be negative, was -1");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -30 })
	void stepWhenStepSizeIsNotPositiveThenRejected(int stepSeconds) {
		assertThatIllegalArgumentException().isThrownBy(() -> Totp.step(59, stepSeconds))
			.withMessage("stepSeconds must be positive, was " + stepSeconds);
	}

}
