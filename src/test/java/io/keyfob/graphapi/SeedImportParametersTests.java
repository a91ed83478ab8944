package io.keyfob.graphapi;

import java.util.Map;

import io.keyfob.seedimport.MacCheck;
import io.keyfob.seedimport.SecretEncoding;
import io.keyfob.seedimport.SeedFileFormat;
import io.keyfob.seedimport.SeedImportRequest;
import io.keyfob.shared.KeyfobException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The form fields of a seed file upload: every spelling of a value that docs/api.md
 * promises, and messages that name the field but never repeat a key.
 */
class SeedImportParametersTests {

	@Test
	void requestWhenNoFieldsThenDefaults() {
		SeedImportRequest request = SeedImportParameters.request(Map.of(), "tokens.csv");

		assertThat(request.fileName()).isEqualTo("tokens.csv");
		assertThat(request.format()).isNull();
		assertThat(request.secretEncoding()).isEqualTo(SecretEncoding.BASE32);
		assertThat(request.macCheck()).isEqualTo(MacCheck.REJECT_KEY);
		assertThat(request.dryRun()).isFalse();
		assertThat(request.allOrNothing()).isFalse();
		assertThat(request.replace()).isFalse();
		assertThat(request.preSharedKey()).isNull();
		assertThat(request.password()).isNull();
	}

	@Test
	void requestWhenFormatSpelledAnyDocumentedWayThenRecognised() {
		for (String name : new String[] { "entraCsv", "entra-csv", "ENTRA_CSV", "entra" }) {
			assertThat(SeedImportParameters.request(Map.of("format", name), null).format())
				.isEqualTo(SeedFileFormat.ENTRA_CSV);
		}
		assertThat(format("vendorCsv")).isEqualTo(SeedFileFormat.VENDOR_CSV);
		assertThat(format("privacyIdeaCsv")).isEqualTo(SeedFileFormat.PRIVACYIDEA_CSV);
		assertThat(format("PSKC")).isEqualTo(SeedFileFormat.PSKC);
	}

	@Test
	void requestWhenEveryOptionGivenThenSet() {
		SeedImportRequest request = SeedImportParameters.request(Map.of("secretEncoding", "hex", "macCheck",
				"reject-file", "dryRun", "true", "allOrNothing", "TRUE", "replace", "true", "manufacturer", " Acme ",
				"model", "A1", "psk", "00 01 02 03", "password", "pw"), null);

		assertThat(request.secretEncoding()).isEqualTo(SecretEncoding.HEX);
		assertThat(request.macCheck()).isEqualTo(MacCheck.REJECT_FILE);
		assertThat(request.dryRun()).isTrue();
		assertThat(request.allOrNothing()).isTrue();
		assertThat(request.replace()).isTrue();
		assertThat(request.manufacturer()).isEqualTo("Acme");
		assertThat(request.model()).isEqualTo("A1");
		assertThat(request.preSharedKey()).containsExactly(0, 1, 2, 3);
		assertThat(request.password()).containsExactly('p', 'w');
		assertThat(request.toString()).doesNotContain("pw").contains("preSharedKey=(given)");
	}

	@Test
	void requestWhenValuesUnknownThenNamesFieldAndWhatIsAllowed() {
		assertInvalid(Map.of("format", "xlsx"), "format: use entraCsv, vendorCsv, privacyIdeaCsv or pskc, or leave "
				+ "it out to detect the format from the file");
		assertInvalid(Map.of("secretEncoding", "base64"), "secretEncoding: use base32 or hex");
		assertInvalid(Map.of("macCheck", "maybe"), "macCheck: use rejectKey (the default: a key whose MAC fails is "
				+ "rejected), rejectFile (any MAC failure rejects the file) or skip");
		assertInvalid(Map.of("dryRun", "yes"), "dryRun: use true or false");
		assertInvalid(Map.of("psk", "topsecret"),
				"psk: the pre-shared key must be given as hex digits (0-9, a-f), two per byte");
	}

	private static SeedFileFormat format(String name) {
		return SeedImportParameters.request(Map.of("format", name), null).format();
	}

	private static void assertInvalid(Map<String, String> fields, String message) {
		assertThatExceptionOfType(KeyfobException.class).isThrownBy(() -> SeedImportParameters.request(fields, null))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("invalidRequest"));
	}

}
