package io.keyfob.seedimport.pskc;

import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.SeedFileFormat;
import io.keyfob.seedimport.SeedFileRejected;
import io.keyfob.seedimport.SeedFileRejected.Problem;
import io.keyfob.seedimport.TestSeedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Hostile XML never gets past the parser: any DTD is refused, which covers external
 * entities (XXE), entity expansion bombs and external DTDs.
 */
class PskcSafetyTests {

	private static final String REFUSED = "This PSKC file declares a DTD/entities, which Keyfob refuses for safety";

	private static final String BODY = "<KeyContainer Version=\"1.0\" xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\">"
			+ "<KeyPackage><DeviceInfo><SerialNo>&e;</SerialNo></DeviceInfo></KeyPackage></KeyContainer>";

	@ParameterizedTest
	@ValueSource(strings = {
			// XXE: an external entity that would read a local file
			"<?xml version=\"1.0\"?>\n<!DOCTYPE KeyContainer [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n",
			// billion laughs: entities that expand exponentially
			"<?xml version=\"1.0\"?>\n<!DOCTYPE KeyContainer [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;"
					+ "&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY e \"&c;&c;&c;&c;&c;&c;&c;"
					+ "&c;&c;&c;\">]>\n",
			// an external DTD fetched over the network
			"<!DOCTYPE KeyContainer SYSTEM \"http://127.0.0.1:9/pskc.dtd\">\n",
			// a parameter entity that would load more declarations
			"<?xml version=\"1.0\"?>\n<!DOCTYPE KeyContainer [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/x\"> %p;]>\n" })
	void readWhenTheDocumentDeclaresADtdThenRefusesIt(String prolog) {
		assertThatExceptionOfType(SeedFileRejected.class).isThrownBy(() -> TestSeedFiles.read(prolog + BODY))
			.withMessage(REFUSED)
			.extracting(SeedFileRejected::problem)
			.isEqualTo(Problem.UNSAFE_XML);
	}

	@Test
	void readWhenFormatGivenAndDtdDeclaredThenStillRefused() {
		ReadOptions pskc = ReadOptions.defaults().withFormat(SeedFileFormat.PSKC);

		assertThatExceptionOfType(SeedFileRejected.class)
			.isThrownBy(() -> TestSeedFiles.read("<!DOCTYPE x [<!ENTITY e \"x\">]>" + BODY, pskc))
			.withMessage(REFUSED);
	}

	@Test
	void readWhenXIncludeThenItIsNotFollowed() {
		String document = TestPskc.totp()
			.deviceInfo("<DeviceInfo><SerialNo>SN1</SerialNo>"
					+ "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" "
					+ "parse=\"text\"/></DeviceInfo>")
			.document();

		assertThat(TestSeedFiles.read(document).records()).singleElement()
			.satisfies((record) -> assertThat(record.serialNumber()).isEqualTo("SN1"));
	}

	@Test
	void readWhenNotWellFormedThenSaysWhere() {
		assertThatExceptionOfType(SeedFileRejected.class)
			.isThrownBy(
					() -> TestSeedFiles.read("<?xml version=\"1.0\"?>\n<KeyContainer>\n<KeyPackage>\n</KeyContainer>"))
			.withMessageStartingWith("This PSKC file is not well-formed XML (line 4, column ")
			.extracting(SeedFileRejected::problem)
			.isEqualTo(Problem.MALFORMED);
	}

}
