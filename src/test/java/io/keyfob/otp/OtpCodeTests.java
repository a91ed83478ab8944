package io.keyfob.otp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class OtpCodeTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "123456|123456", "' 123456 '|123456", "123 456|123456", "'\t12345678\n'|12345678",
					"1234 5678|12345678", "1234567|1234567", "012345|012345", "'\u2003123456\u2003'|123456" })
	void parseWhenTypedWithSpacesThenSameDigits(String text, String digits) {
		assertThat(OtpCode.parse(text)).isEqualTo(OtpCode.parse(digits));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "12345", "123456789", "12 34 56", "123  456", "123a56", "+123456", "-123456",
			"12345.6", "123\t456", "\u0661\u0662\u0663\u0664\u0665\u0666", "\uff11\uff12\uff13\uff14\uff15\uff16",
			"123456 7 8" })
	void parseWhenNotSixToEightDigitsThenRejectedWithoutEcho(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> OtpCode.parse(text))
			.withMessage("A code is 6 to 8 digits");
	}

	@Test
	void parseWhenNullThenNamesTheArgument() {
		assertThatNullPointerException().isThrownBy(() -> OtpCode.parse(null)).withMessage("text must not be null");
	}

	@Test
	void toStringWhenParsedThenHidesTheDigits() {
		assertThat(OtpCode.parse("123456")).hasToString("OtpCode[6 digits]");
		assertThat(OtpCode.parse("1234 5678")).hasToString("OtpCode[8 digits]");
	}

	@Test
	void lengthWhenParsedThenNumberOfDigits() {
		assertThat(OtpCode.parse("123 4567").length()).isEqualTo(7);
	}

	@Test
	void equalsWhenDifferentDigitsOrLengthThenNotEqual() {
		OtpCode code = OtpCode.parse("0123456");
		assertThat(code).isNotEqualTo(OtpCode.parse("0123457"))
			.isNotEqualTo(OtpCode.parse("123456"))
			.isNotEqualTo(OtpCode.parse("01234560"))
			.isNotEqualTo("0123456")
			.isEqualTo(OtpCode.parse("012 3456"))
			.hasSameHashCodeAs(OtpCode.parse("0123456"));
	}

	@Test
	void matchesWhenCandidateTextThenComparesDigits() {
		OtpCode code = OtpCode.parse("123456");
		assertThat(code.matches("123 456")).isTrue();
		assertThat(code.matches(" 123456")).isTrue();
		assertThat(code.matches("123457")).isFalse();
		assertThat(code.matches("not a code")).isFalse();
	}

	@Test
	void matchesWhenNullThenNamesTheArgument() {
		assertThatNullPointerException().isThrownBy(() -> OtpCode.parse("123456").matches(null))
			.withMessage("candidate must not be null");
	}

}
