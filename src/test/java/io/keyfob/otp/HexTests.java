package io.keyfob.otp;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Hex (RFC 4648 §8) as the RFC test vectors and OATH Toolkit write secrets.
 */
class HexTests {

	private static final String ALPHABET_RULE = "Hex allows only the digits 0-9 and the letters a-f";

	/**
	 * RFC 4648 §10 "BASE16" test vectors, in lower case.
	 */
	@ParameterizedTest
	@CsvSource({ "'', ''", "f, 66", "fo, 666f", "foo, 666f6f", "foob, 666f6f62", "fooba, 666f6f6261",
			"foobar, 666f6f626172" })
	void encodeAndDecodeWhenRfc4648VectorsThenMatch(String plain, String hex) {
		byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
		assertThat(Hex.encode(bytes)).isEqualTo(hex);
		assertThat(Hex.decode(hex)).isEqualTo(bytes);
	}

	@Test
	void encodeWhenAllByteValuesThenTwoLowerCaseDigitsEach() {
		assertThat(Hex.encode(new byte[] { 0, 15, 16, 127, -128, -1 })).isEqualTo("000f107f80ff");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3132333435363738393031323334353637383930",
			"31 32 33 34 35 36 37 38 39 30 31 32 33 34 35 36 37 38 39 30",
			"31323334 35363738 39303132 33343536 37383930", " 3132333435363738393031323334353637383930 " })
	void decodeWhenSpacesThenRfc4226Seed(String text) {
		assertThat(Hex.decode(text)).isEqualTo(TestSeeds.rfc4226());
	}

	@Test
	void decodeWhenUpperCaseThenSameBytes() {
		assertThat(Hex.decode("DEADBEEF")).isEqualTo(Hex.decode("deadbeef"))
			.isEqualTo(new byte[] { (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef });
	}

	@ParameterizedTest
	@CsvSource({ "6g, 'g', 2", "0x66, 'x', 2", "66:6f, ':', 3", "66-6f, '-', 3", "GEZDGNBV, 'G', 1" })
	void decodeWhenNotAHexDigitThenNamesCharacterAndPosition(String text, String found, int position) {
		assertThatExceptionOfType(InvalidEncodingException.class).isThrownBy(() -> Hex.decode(text))
			.withMessage(ALPHABET_RULE + "; found '" + found + "' at position " + position);
	}

	@Test
	void decodeWhenNonAsciiDigitThenRejected() {
		// Arabic-Indic digit one, which Character.digit would accept
		assertThatExceptionOfType(InvalidEncodingException.class).isThrownBy(() -> Hex.decode("6\u0661"))
			.withMessage(ALPHABET_RULE + "; found U+0661 at position 2");
	}

	@ParameterizedTest
	@CsvSource({ "6, '6', 1", "666, '6', 3", "66 6f 7, '7', 7", "'666 ', '6', 3" })
	void decodeWhenOddNumberOfDigitsThenNamesTheLastDigit(String text, String found, int position) {
		assertThatExceptionOfType(InvalidEncodingException.class).isThrownBy(() -> Hex.decode(text))
			.withMessage("Hex needs two digits per byte, but the number of digits is odd; found '" + found
					+ "' at position " + position + " (the last digit)");
	}

	@Test
	void decodeWhenInvalidThenMessageNeverContainsTheText() {
		String text = "313233343536373839303132333435363738393";
		assertThatExceptionOfType(InvalidEncodingException.class).isThrownBy(() -> Hex.decode(text))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(text.substring(0, 8)));
	}

	@Test
	void decodeAndEncodeWhenNullThenNamesTheArgument() {
		assertThatNullPointerException().isThrownBy(() -> Hex.decode(null)).withMessage("text must not be null");
		assertThatNullPointerException().isThrownBy(() -> Hex.encode(null)).withMessage("bytes must not be null");
	}

}
