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
 * Base32 as RFC 4648 defines it, with the tolerance and strictness rules of
 * docs/design.md ("Graph decisions", item 5) and RFC 4648 §3.2, §3.3 and §3.5.
 */
class Base32Tests {

	private static final String RFC4226_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	private static final String ALPHABET_RULE = "Base32 allows only the letters A-Z and the digits 2-7";

	/**
	 * RFC 4648 §10 test vectors; the encoder omits the padding shown there.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "\"\" | \"\" | \"\"", "f | MY | MY======", "fo | MZXQ | MZXQ====", "foo | MZXW6 | MZXW6===",
					"foob | MZXW6YQ | MZXW6YQ=", "fooba | MZXW6YTB | MZXW6YTB",
					"foobar | MZXW6YTBOI | MZXW6YTBOI======" })
	void encodeAndDecodeWhenRfc4648VectorsThenMatch(String plain, String unpadded, String padded) {
		byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
		assertThat(Base32.encode(bytes)).isEqualTo(unpadded);
		assertThat(Base32.decode(padded)).isEqualTo(bytes);
		assertThat(Base32.decode(unpadded)).isEqualTo(bytes);
	}

	@Test
	void decodeWhenRfc4226SeedThenAsciiDigits() {
		assertThat(Base32.decode(RFC4226_SEED)).isEqualTo(TestSeeds.rfc4226());
		assertThat(Base32.encode(TestSeeds.rfc4226())).isEqualTo(RFC4226_SEED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "gezdgnbvgy3tqojqgezdgnbvgy3tqojq", "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ",
			"gezd-gnbv-gy3t-qojq-gezd-gnbv-gy3t-qojq", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ========",
			" GEZDgnbvGY3TQOJQ-GEZDGNBVGY3TQOJQ = = " })
	void decodeWhenCaseSpacesHyphensOrPaddingThenSameSecret(String text) {
		assertThat(Base32.decode(text)).isEqualTo(TestSeeds.rfc4226());
	}

	@Test
	void decodeWhenPartialPaddingThenAccepted() {
		assertThat(Base32.decode("MY=")).isEqualTo(new byte[] { 'f' });
	}

	@ParameterizedTest
	@CsvSource({ "GEZD8NBV, '8', 5", "GEZDGNBVG1======, '1', 10", "0EZDGNBV, '0', 1", "GEZDGNBV9, '9', 9",
			"GEZD_GNBV, '_', 5", "GEZD.GNBV, '.', 5" })
	void decodeWhenCharacterOutsideAlphabetThenNamesCharacterAndPosition(String text, String found, int position) {
		assertThatExceptionOfType(InvalidEncodingException.class).isThrownBy(() -> Base32.decode(text))
			.withMessage(ALPHABET_RULE + "; found '" + found + "' at position " + position);
	}

	@Test
	void decodeWhenInvisibleCharacterThenNamesItsCodePoint() {
		assertThatExceptionOfType(InvalidEncodingException.class).isThrownBy(() -> Base32.decode("GEZD\u00a0GNBV"))
			.withMessage(ALPHABET_RULE + "; found U+00A0 at position 5");
		assertThatExceptionOfType(InvalidEncodingException.class).isThrownBy(() -> Base32.decode("GEZDGNBV\t"))
			.withMessage(ALPHABET_RULE + "; found U+0009 at position 9");
	}

	@ParameterizedTest
	@CsvSource({ "3132333435363738393031323334353637383930, '1', 2", "DEADBEEF01, '0', 9",
			"de ad be ef 00 11, '0', 13" })
	void decodeWhenHexSecretThenSaysSo(String text, String found, int position) {
		assertThatExceptionOfType(InvalidEncodingException.class).isThrownBy(() -> Base32.decode(text))
			.withMessage(ALPHABET_RULE + "; found '" + found + "' at position " + position
					+ "; this looks like a hex secret: convert it to Base32");
	}

	@ParameterizedTest
	@ValueSource(strings = { "DEADBEEF0", "DEADBEEG01", "0123 4567 8" })
	void decodeWhenNotQuiteHexThenNoHexHint(String text) {
		assertThatExceptionOfType(InvalidEncodingException.class).isThrownBy(() -> Base32.decode(text))
			.withMessageNotContaining("hex");
	}

	/**
	 * A hex string made only of the digits 2-7 and the letters a-f is valid Base32 with
	 * another meaning; only the format of the input can tell.
	 */
	@Test
	void decodeWhenHexUsesOnlyBase32CharactersThenDecodesAsBase32() {
		assertThat(Base32.decode("deadbeef")).hasSize(5);
	}

	@ParameterizedTest
	@CsvSource({ "A, 1", "GEZ, 3", "GEZDGN, 6", "GEZDGNBVG, 9", "GEZDGNBVGY3, 11", "GEZDGNBVGY3TQO, 14",
			"'GEZ=====', 3" })
	void decodeWhenImpossibleLengthThenSaysACharacterIsMissing(String text, int count) {
		assertThatExceptionOfType(InvalidEncodingException.class).isThrownBy(() -> Base32.decode(text))
			.withMessage("Base32 text cannot have " + count
					+ " characters (1, 3 or 6 more than a multiple of 8), so a character is missing or extra");
	}

	@ParameterizedTest
	@CsvSource({ "GEZDGNBVGZ======, GEZDGNBVGY======", "MZ, MY", "MZXW7, MZXW6", "gezd-gnbv-gz, GEZDGNBVGY" })
	void decodeWhenUnusedBitsAreNotZeroThenDropsThemAsEntraDoes(String text, String canonical) {
		assertThat(Base32.decode(text)).isEqualTo(Base32.decode(canonical));
	}

	@Test
	void decodeWhenMicrosoftGraphExampleSecretThenAccepted() {
		assertThat(Base32.decode("abcdef2234567abcdef2234567")).hasSize(16);
		assertThat(Base32.decode("2234567abcdef2234567abcdef")).hasSize(16);
	}

	@ParameterizedTest
	@CsvSource({ "MY==MY==, 'M', 5", "MZXW6===YTBOI, 'Y', 9", "'=MY', 'M', 2" })
	void decodeWhenCharacterAfterPaddingThenNamesIt(String text, String found, int position) {
		assertThatExceptionOfType(InvalidEncodingException.class).isThrownBy(() -> Base32.decode(text))
			.withMessage("Base32 padding '=' may only stand at the end; found '" + found + "' at position " + position);
	}

	@ParameterizedTest
	@ValueSource(strings = { "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJ8", "3132333435363738393031323334353637383930",
			"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQG", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQG1Z", "GEZDGNBVGY3T==QOJQ" })
	void decodeWhenInvalidThenMessageNeverContainsTheText(String text) {
		assertThatExceptionOfType(InvalidEncodingException.class).isThrownBy(() -> Base32.decode(text))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(text)
				.doesNotContain(text.substring(0, 8))
				.doesNotContain(text.substring(text.length() - 8)));
	}

	@Test
	void decodeWhenOnlySpacesAndPaddingThenEmpty() {
		assertThat(Base32.decode("  - ==")).isEmpty();
	}

	@Test
	void encodeWhenEntraMaximumThen128Characters() {
		assertThat(Base32.encode(new byte[80])).hasSize(128).matches("A+");
	}

	@Test
	void decodeAndEncodeWhenNullThenNamesTheArgument() {
		assertThatNullPointerException().isThrownBy(() -> Base32.decode(null)).withMessage("text must not be null");
		assertThatNullPointerException().isThrownBy(() -> Base32.encode(null)).withMessage("bytes must not be null");
	}

}
