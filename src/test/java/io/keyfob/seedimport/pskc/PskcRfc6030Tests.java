package io.keyfob.seedimport.pskc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.keyfob.otp.HashFunction;
import io.keyfob.otp.Hex;
import io.keyfob.seedimport.SeedOtpType;
import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.RowError;
import io.keyfob.seedimport.SeedFile;
import io.keyfob.seedimport.SeedFileRejected;
import io.keyfob.seedimport.SeedFileRejected.Problem;
import io.keyfob.seedimport.SeedRecord;
import io.keyfob.seedimport.TestSeedFiles;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The examples of RFC 6030 decode to their published secrets: Figure 2 (plain), Figure 5
 * (HOTP key with PIN key), Figure 6 (AES-128-CBC with pre-shared key
 * {@code 12345678901234567890123456789012} and HMAC-SHA1 MAC), Figure 7 (PBKDF2 with
 * password {@code qwerty}) and Figure 10 (bulk provisioning). The secret of Figures 5, 6,
 * 7 and 10 is {@code 12345678901234567890}; of Figure 2, {@code 1234}.
 */
class PskcRfc6030Tests {

	private static final String FIGURE_6_KEY = "12345678901234567890123456789012";

	@Test
	void figure2DecodesToItsFourByteSecretWhichIsTooShortToImport() throws Exception {
		byte[] figure2 = TestSeedFiles.resource("pskc/rfc6030-figure2.pskcxml");
		Element data = (Element) SafeXml.parse(new ByteArrayInputStream(figure2))
			.getElementsByTagNameNS(Pskc.NS, "Data")
			.item(0);

		assertThat(new KeyData(data, null).secret()).isEqualTo("1234".getBytes(StandardCharsets.US_ASCII));
		SeedFile file = TestSeedFiles.read(figure2, ReadOptions.defaults());
		assertThat(file.errors()).extracting(RowError::message)
			.containsExactly("KeyPackage 1 (serial 12345678): the secret is 4 bytes long; at least 16 bytes (128 bits) "
					+ "are required (RFC 4226)");
	}

	@Test
	void figure5ReadsTheHotpKeyAndRefusesThePinKey() {
		SeedFile file = TestSeedFiles.readResource("pskc/rfc6030-figure5.pskcxml", ReadOptions.defaults());

		assertThat(file.records()).singleElement().satisfies((record) -> {
			assertThat(record.serialNumber()).isEqualTo("987654321");
			assertThat(record.secret()).isEqualTo(TestSeedFiles.RFC_SEED);
			assertThat(record.otpType()).isEqualTo(SeedOtpType.HOTP);
			assertThat(record.digits()).isEqualTo(8);
			assertThat(record.counter()).isZero();
			assertThat(record.manufacturer()).isEqualTo("Manufacturer");
		});
		assertThat(file.errors()).extracting(RowError::message)
			.containsExactly("KeyPackage 2 (serial 987654321): algorithm urn:ietf:params:xml:ns:keyprov:pskc:pin is "
					+ "not supported: Keyfob reads HOTP and TOTP keys");
	}

	@Test
	void figure6DecryptsWithThePreSharedKeyAndChecksTheMac() {
		SeedFile file = TestSeedFiles.readResource("pskc/rfc6030-figure6.pskcxml",
				ReadOptions.defaults().withPreSharedKeyHex(FIGURE_6_KEY));

		assertThat(file.errors()).isEmpty();
		assertThat(file.records()).singleElement().satisfies((record) -> {
			assertThat(record.serialNumber()).isEqualTo("987654321");
			assertThat(record.secret()).isEqualTo(TestSeedFiles.RFC_SEED);
			assertThat(record.otpType()).isEqualTo(SeedOtpType.HOTP);
			assertThat(record.hashFunction()).isEqualTo(HashFunction.HMAC_SHA1);
			assertThat(record.digits()).isEqualTo(8);
		});
	}

	@Test
	void figure6WithoutAKeySaysWhichKeyToGive() {
		assertThatExceptionOfType(SeedFileRejected.class)
			.isThrownBy(() -> TestSeedFiles.readResource("pskc/rfc6030-figure6.pskcxml", ReadOptions.defaults()))
			.withMessage(
					"This file is encrypted with a pre-shared key: give the key with the pre-shared key option (the file calls it "
							+ "'Pre-shared-key')")
			.extracting(SeedFileRejected::problem)
			.isEqualTo(Problem.KEY_REQUIRED);
	}

	@Test
	void figure7DecryptsWithThePassword() {
		SeedFile file = TestSeedFiles.readResource("pskc/rfc6030-figure7.pskcxml",
				ReadOptions.defaults().withPassword("qwerty".toCharArray()));

		assertThat(file.errors()).isEmpty();
		assertThat(file.records()).singleElement().satisfies((record) -> {
			assertThat(record.serialNumber()).isEqualTo("987654321");
			assertThat(record.secret()).isEqualTo(TestSeedFiles.RFC_SEED);
			assertThat(record.manufacturer()).isEqualTo("TokenVendorAcme");
		});
	}

	@Test
	void figure7DerivesTheKeyPublishedInTheRfc() throws IOException {
		Element derivedKey = (Element) SafeXml
			.parse(new ByteArrayInputStream(TestSeedFiles.resource("pskc/rfc6030-figure7.pskcxml")))
			.getElementsByTagNameNS(Pskc.XENC11, "DerivedKey")
			.item(0);

		assertThat(Hex.encode(Pbkdf2.deriveKey(derivedKey, "qwerty".toCharArray())))
			.isEqualTo("651e63cd57008476af1ff6422cd02e41");
	}

	@Test
	void figure7WithoutAPasswordSaysSo() {
		assertThatExceptionOfType(SeedFileRejected.class)
			.isThrownBy(() -> TestSeedFiles.readResource("pskc/rfc6030-figure7.pskcxml", ReadOptions.defaults()))
			.withMessage("This file is encrypted with a password: give it with the password option (the file calls it "
					+ "'My Password 1')");
	}

	@Test
	void figure10ReadsEveryDeviceOnceAndReportsTheSecondKeyForOneSerial() {
		SeedFile file = TestSeedFiles.readResource("pskc/rfc6030-figure10.pskcxml", ReadOptions.defaults());

		assertThat(file.records()).extracting(SeedRecord::serialNumber).containsExactly("654321", "123456", "9999999");
		assertThat(file.records())
			.allSatisfy((record) -> assertThat(record.secret()).isEqualTo(TestSeedFiles.RFC_SEED));
		assertThat(file.errors()).extracting(RowError::message)
			.containsExactly(
					"KeyPackage 4 (serial 9999999): serial number 9999999 appears again (first in KeyPackage 3)");
	}

}
