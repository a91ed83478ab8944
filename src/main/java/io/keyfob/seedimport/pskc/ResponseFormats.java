package io.keyfob.seedimport.pskc;

import java.util.List;
import java.util.Locale;

import io.keyfob.seedimport.SeedRules;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Reads the code length from a key's {@code AlgorithmParameters/ResponseFormat}. Keyfob
 * checks decimal codes without a check digit, which is what OATH tokens show.
 */
final class ResponseFormats {

	private ResponseFormats() {
	}

	/**
	 * Returns the number of digits.
	 * @param responseFormat the {@code ResponseFormat} element, if any
	 * @param notes receives a note when the default is assumed
	 * @return the digits; the record checks the range
	 * @throws IllegalArgumentException if the format is not plain decimal digits
	 */
	static int digits(@Nullable Element responseFormat, List<String> notes) {
		if (responseFormat == null) {
			notes.add("no ResponseFormat; assumed " + SeedRules.DEFAULT_DIGITS + " digits");
			return SeedRules.DEFAULT_DIGITS;
		}
		String encoding = Dom.attribute(responseFormat, "Encoding");
		if (encoding != null && !encoding.equalsIgnoreCase("DECIMAL")) {
			throw new IllegalArgumentException("ResponseFormat Encoding " + KeyData.quote(encoding)
					+ " is not supported: Keyfob checks DECIMAL codes");
		}
		String checkDigits = Dom.attribute(responseFormat, "CheckDigits");
		if (checkDigits != null && (checkDigits.equals("1") || checkDigits.toLowerCase(Locale.ROOT).equals("true"))) {
			throw new IllegalArgumentException(
					"ResponseFormat CheckDigits is not supported: Keyfob checks codes " + "without a check digit");
		}
		String length = Dom.attribute(responseFormat, "Length");
		if (length == null) {
			notes.add("no ResponseFormat Length; assumed " + SeedRules.DEFAULT_DIGITS + " digits");
			return SeedRules.DEFAULT_DIGITS;
		}
		if (!length.matches("[0-9]{1,2}")) {
			throw new IllegalArgumentException(
					"ResponseFormat Length " + KeyData.quote(length) + " is not a whole number: use 6, 7 or 8");
		}
		return Integer.parseInt(length);
	}

}
