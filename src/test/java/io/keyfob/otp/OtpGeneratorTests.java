package io.keyfob.otp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Window searches, with RFC 4226 Appendix D codes as the typed input. Counters 2386 and
 * 2394 of the RFC 4226 secret share the 6-digit code 709847, which shows which match
 * wins.
 */
class OtpGeneratorTests {

	private static final OtpParameters SIX_DIGITS = new OtpParameters(HashFunction.HMAC_SHA1, 6);

	private static final OtpCode SHARED_BY_2386_AND_2394 = OtpCode.parse("709847");

	private final OtpGenerator generator = OtpGenerator.of(TestSeeds.rfc4226(), SIX_DIGITS);

	@Test
	void codeAtWhenRfc4226CountsThenSameAsHotp() {
		for (long counter = 0; counter < 10; counter++) {
			assertThat(this.generator.codeAt(counter))
				.isEqualTo(Hotp.generate(TestSeeds.rfc4226(), counter, SIX_DIGITS));
		}
		assertThat(this.generator.parameters()).isEqualTo(SIX_DIGITS);
	}

	@Test
	void findMatchWhenCodeInsideRangeThenItsCounter() {
		assertThat(this.generator.findMatch(OtpCode.parse("520489"), 0, 9)).hasValue(9);
		assertThat(this.generator.findMatch(OtpCode.parse("755 224"), 0, 9)).hasValue(0);
		assertThat(this.generator.findMatch(OtpCode.parse("359152"), CodeWindow.ahead(2, 0))).hasValue(2);
	}

	@Test
	void findMatchWhenCodeOutsideRangeThenEmpty() {
		assertThat(this.generator.findMatch(OtpCode.parse("520489"), 0, 8)).isEmpty();
		assertThat(this.generator.findMatch(OtpCode.parse("755224"), 1, 9)).isEmpty();
	}

	@Test
	void findMatchWhenCodeHasOtherLengthThenEmpty() {
		assertThat(this.generator.findMatch(OtpCode.parse("84755224"), 0, 9)).isEmpty();
	}

	@Test
	void findMatchWhenTwoMatchesThenNearestToCentre() {
		assertThat(this.generator.codeAt(2386)).isEqualTo(this.generator.codeAt(2394)).isEqualTo("709847");
		assertThat(this.generator.findMatch(SHARED_BY_2386_AND_2394, new CodeWindow(2380, 2400, 2392))).hasValue(2394);
		assertThat(this.generator.findMatch(SHARED_BY_2386_AND_2394, new CodeWindow(2380, 2400, 2389))).hasValue(2386);
		assertThat(this.generator.findMatch(SHARED_BY_2386_AND_2394, CodeWindow.ahead(2380, 20))).hasValue(2386);
		assertThat(this.generator.findMatch(SHARED_BY_2386_AND_2394, CodeWindow.around(2393, 4))).hasValue(2394);
	}

	@Test
	void findMatchWhenTwoMatchesEquallyNearThenLower() {
		assertThat(this.generator.findMatch(SHARED_BY_2386_AND_2394, 2386, 2394)).hasValue(2386);
		assertThat(this.generator.findMatch(SHARED_BY_2386_AND_2394, new CodeWindow(2380, 2400, 2390))).hasValue(2386);
	}

	@Test
	void findMatchWhenTotpSignInWindowThenStepOfTheCode() {
		OtpParameters eightDigits = new OtpParameters(HashFunction.HMAC_SHA1, 8);
		OtpGenerator totp = OtpGenerator.of(TestSeeds.rfc4226(), eightDigits);
		long now = Totp.step(1111111111, 30);
		// 07081804 is the code at t = 1111111109, one step before
		assertThat(totp.findMatch(OtpCode.parse("07081804"), CodeWindow.around(now, 2))).hasValue(now - 1);
		assertThat(totp.findMatch(OtpCode.parse("44266759"), CodeWindow.around(now, 2))).hasValue(now + 1);
		assertThat(totp.findMatch(OtpCode.parse("07081804"), CodeWindow.around(now + 3, 2))).isEmpty();
	}

	@Test
	void findMatchWhenActivationWindowThenFindsTheEdgeOnly() {
		long now = Totp.step(2000000000, 30);
		String edge = this.generator.codeAt(now + 2880);
		String beyond = this.generator.codeAt(now + 2881);
		assertThat(this.generator.findMatch(OtpCode.parse(edge), CodeWindow.around(now, 2880))).hasValue(now + 2880);
		assertThat(this.generator.findMatch(OtpCode.parse(beyond), CodeWindow.around(now, 2880))).isEmpty();
	}

	@Test
	void findMatchWhenWindowEndsAtLongMaxValueThenSearchesToTheEnd() {
		assertThat(this.generator.findMatch(OtpCode.parse("181742"), CodeWindow.ahead(Long.MAX_VALUE - 10, 10)))
			.hasValue(Long.MAX_VALUE);
	}

	/**
	 * RFC 4226 counts 5 and 6 are 254676 and 287922.
	 */
	@Test
	void findConsecutiveWhenPairInRangeThenCounterOfTheFirst() {
		OtpCode first = OtpCode.parse("254676");
		OtpCode second = OtpCode.parse("287922");
		assertThat(this.generator.findConsecutive(first, second, 0, 99)).hasValue(5);
		assertThat(this.generator.findConsecutive(first, second, CodeWindow.ahead(5, 0))).hasValue(5);
		assertThat(this.generator.findConsecutive(first, second, 0, 4)).isEmpty();
		assertThat(this.generator.findConsecutive(first, second, 6, 99)).isEmpty();
	}

	@Test
	void findConsecutiveWhenCodesSwappedOrApartThenEmpty() {
		assertThat(this.generator.findConsecutive(OtpCode.parse("287922"), OtpCode.parse("254676"), 0, 99)).isEmpty();
		assertThat(this.generator.findConsecutive(OtpCode.parse("254676"), OtpCode.parse("162583"), 0, 99)).isEmpty();
		assertThat(this.generator.findConsecutive(OtpCode.parse("254676"), OtpCode.parse("254676"), 0, 99)).isEmpty();
	}

	@Test
	void findConsecutiveWhenSecondCodeIsBeyondLongMaxValueThenUnsignedNextCounter() {
		// 181742 is the code of 2^63 - 1 and 959616 that of 2^63 (standards: oathtool -c)
		assertThat(this.generator.findConsecutive(OtpCode.parse("181742"), OtpCode.parse("959616"),
				CodeWindow.ahead(Long.MAX_VALUE - 3, 3)))
			.hasValue(Long.MAX_VALUE);
	}

	@Test
	void ofWhenKeyIsEmptyThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> OtpGenerator.of(new byte[0], SIX_DIGITS))
			.withMessage("key must not be empty");
	}

	@Test
	void ofWhenKeyChangesLaterThenCodesDoNot() {
		byte[] key = TestSeeds.rfc4226();
		OtpGenerator copy = OtpGenerator.of(key, SIX_DIGITS);
		key[0] ^= 1;
		assertThat(copy.codeAt(0)).isEqualTo("755224");
	}

	@Test
	void findWhenArgumentIsNullThenNamesIt() {
		OtpCode code = OtpCode.parse("755224");
		CodeWindow window = CodeWindow.ahead(0, 9);
		assertThatNullPointerException().isThrownBy(() -> this.generator.findMatch(null, window))
			.withMessage("code must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.generator.findMatch(code, null))
			.withMessage("window must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.generator.findConsecutive(null, code, window))
			.withMessage("first must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.generator.findConsecutive(code, null, window))
			.withMessage("second must not be null");
		assertThatNullPointerException().isThrownBy(() -> this.generator.findConsecutive(code, code, null))
			.withMessage("window must not be null");
	}

}
