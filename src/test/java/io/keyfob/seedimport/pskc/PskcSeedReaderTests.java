package io.keyfob.seedimport.pskc;

import java.time.Instant;

import io.keyfob.otp.HashFunction;
import io.keyfob.seedimport.SeedOtpType;
import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.RowError;
import io.keyfob.seedimport.RowWarning;
import io.keyfob.seedimport.SeedFile;
import io.keyfob.seedimport.SeedFileRejected;
import io.keyfob.seedimport.SeedRecord;
import io.keyfob.seedimport.TestSeedFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How plain PSKC key packages map to seed records, and why a package cannot be read.
 */
class PskcSeedReaderTests {

	@Test
	void readMapsEveryElementKeyfobUses() {
		SeedFile file = TestSeedFiles.readResource("pskc/keyfob-mapping.pskcxml", ReadOptions.defaults());

		assertThat(file.errors()).isEmpty();
		assertThat(file.warnings()).isEmpty();
		SeedRecord totp = file.records().get(0);
		assertThat(totp.location().toString()).isEqualTo("KeyPackage 1");
		assertThat(totp.serialNumber()).isEqualTo("KF-256-0001");
		assertThat(totp.secret()).isEqualTo(TestSeedFiles.RFC_SEED_32);
		assertThat(totp.otpType()).isEqualTo(SeedOtpType.TOTP);
		assertThat(totp.hashFunction()).isEqualTo(HashFunction.HMAC_SHA256);
		assertThat(totp.digits()).isEqualTo(8);
		assertThat(totp.timeIntervalSeconds()).isEqualTo(60);
		assertThat(totp.driftSteps()).isEqualTo(-2);
		assertThat(totp.manufacturer()).isEqualTo("oath.KF");
		assertThat(totp.model()).isEqualTo("KF-T256");
		assertThat(totp.displayName()).isEqualTo("Helga's token");
		assertThat(totp.owner()).isEqualTo("helga@example.com");
		SeedRecord hotp = file.records().get(1);
		assertThat(hotp.otpType()).isEqualTo(SeedOtpType.HOTP);
		assertThat(hotp.counter()).isEqualTo(42);
		assertThat(hotp.hashFunction()).isEqualTo(HashFunction.HMAC_SHA1);
		assertThat(hotp.owner()).isEqualTo("device-user@example.com");
	}

	@Test
	void readWhenVendorStyleFileThenReadsDefaultNamespaceAndDraftAlgorithmUri() {
		SeedFile file = TestSeedFiles.readResource("pskc/keyfob-vendor-style.pskcxml", ReadOptions.defaults());

		assertThat(file.errors()).isEmpty();
		assertThat(file.records()).extracting(SeedRecord::serialNumber, SeedRecord::timeIntervalSeconds)
			.containsExactly(tuple("2600000000001", 60), tuple("2600000000002", 30));
		assertThat(file.records()).allSatisfy((record) -> {
			assertThat(record.otpType()).isEqualTo(SeedOtpType.TOTP);
			assertThat(record.manufacturer()).isEqualTo("Token Vendor Co.,Ltd");
		});
	}

	@Test
	void readTakesTheValidityWindowFromDeviceInfoAndKeyPolicyTheNarrowerWhereBothHaveOne() {
		SeedFile file = TestSeedFiles.readResource("pskc/keyfob-validity.pskcxml", ReadOptions.defaults());

		assertThat(file.errors()).isEmpty();
		assertThat(file.records()).extracting(SeedRecord::serialNumber, SeedRecord::validFrom, SeedRecord::validUntil)
			.containsExactly(
					tuple("VAL-DEVICE", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2029-06-30T00:00:00Z")),
					tuple("VAL-BOTH", Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2028-12-31T23:00:00Z")));
	}

	@Test
	void readWhenCsv2pskcWroteStartAndExpiryDatesThenTheRecordsCarryThem() {
		SeedFile file = TestSeedFiles.readResource("pskc/csv2pskc/validity.pskcxml", ReadOptions.defaults());

		assertThat(file.errors()).isEmpty();
		assertThat(file.records()).extracting(SeedRecord::serialNumber, SeedRecord::validFrom, SeedRecord::validUntil)
			.containsExactly(
					tuple("KF-V-0001", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-06-30T00:00:00Z")),
					tuple("KF-V-0002", null, Instant.parse("2027-01-01T00:00:00Z")));
	}

	@Test
	void readWhenVendorStylePolicyDatesThenTheFirstTokenHasThemAndTheSecondNone() {
		SeedFile file = TestSeedFiles.readResource("pskc/keyfob-vendor-style.pskcxml", ReadOptions.defaults());

		assertThat(file.records()).extracting(SeedRecord::validFrom, SeedRecord::validUntil)
			.containsExactly(tuple(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2031-01-01T00:00:00Z")),
					tuple(null, null));
	}

	@Test
	void readWhenADateIsMalformedOrExpiryIsNotAfterStartThenThePackageIsAnError() {
		SeedFile file = TestSeedFiles.read(TestPskc.container(
				TestPskc.totp().afterData("<Policy><ExpiryDate>next year</ExpiryDate></Policy>").keyPackage(),
				TestPskc.totp()
					.deviceInfo("<DeviceInfo><SerialNo>SN2</SerialNo></DeviceInfo>")
					.afterData("<Policy><StartDate>2027-01-01T00:00:00Z</StartDate>"
							+ "<ExpiryDate>2026-01-01T00:00:00Z</ExpiryDate></Policy>")
					.keyPackage(),
				TestPskc.totp()
					.deviceInfo("<DeviceInfo><SerialNo>SN3</SerialNo></DeviceInfo>")
					.afterData("<Policy><ExpiryDate>2027-01-01T08:00:00+08:00</ExpiryDate></Policy>")
					.keyPackage()));

		assertThat(file.errors()).extracting(RowError::message)
			.containsExactly(
					"KeyPackage 1 (serial SN1): Policy/ExpiryDate 'next year' is not a date: write it as 2031-01-01 or "
							+ "2031-01-01T00:00:00Z (ISO 8601, UTC unless an offset is given)",
					"KeyPackage 2 (serial SN2): the expiry date 2026-01-01T00:00:00Z is not after the start date "
							+ "2027-01-01T00:00:00Z: correct one of the two dates");
		assertThat(file.records()).extracting(SeedRecord::validUntil)
			.containsExactly(Instant.parse("2027-01-01T00:00:00Z"));
	}

	@Test
	void readWhenNoSerialNumberThenTheKeyIdStandsInOrTheRowIsAnError() {
		SeedFile file = TestSeedFiles.read(
				TestPskc
					.container(
							TestPskc.totp()
								.deviceInfo("")
								.keyAttributes(
										"Id=\"FROM-ID\" " + "Algorithm=\"urn:ietf:params:xml:ns:keyprov:pskc:totp\"")
								.keyPackage(),
							TestPskc.totp()
								.deviceInfo("")
								.keyAttributes("Algorithm=\"urn:ietf:params:xml:ns:keyprov:pskc:totp\"")
								.keyPackage()));

		assertThat(file.records()).extracting(SeedRecord::serialNumber).containsExactly("FROM-ID");
		assertThat(file.errors()).extracting(RowError::message)
			.containsExactly(
					"KeyPackage 2: no serial number: the KeyPackage has neither DeviceInfo/SerialNo nor Key/@Id");
	}

	@Test
	void readWhenPackagesAreBadThenEachSaysWhyAndTheOthersAreRead() {
		SeedFile file = TestSeedFiles.read(TestPskc.container(serial(1, TestPskc.totp().secret("")),
				serial(2, TestPskc.totp().secret("<Secret><PlainValue>not*base64</PlainValue></Secret>")),
				serial(3, TestPskc.totp().secret("<Secret/>")),
				serial(4, TestPskc.totp().keyAttributes("Algorithm=\"urn:ietf:params:xml:ns:keyprov:pskc#OCRA-1\"")),
				serial(5, TestPskc.totp().keyAttributes("")),
				serial(6, TestPskc.totp().parameters(format("Length=\"6\" Encoding=\"HEXADECIMAL\""))),
				serial(7, TestPskc.totp().parameters(format("Length=\"6\" Encoding=\"DECIMAL\" CheckDigits=\"true\""))),
				serial(8, TestPskc.totp().parameters(format("Length=\"9\" Encoding=\"DECIMAL\""))),
				serial(9, TestPskc.totp().parameters(format("Length=\"six\" Encoding=\"DECIMAL\""))),
				serial(10,
						TestPskc.totp()
							.parameters("<AlgorithmParameters><Suite>OCRA-1:HOTP-SHA1-6:QN08</Suite>"
									+ "</AlgorithmParameters>")),
				serial(11, TestPskc.totp().data("<Time><PlainValue>5</PlainValue></Time>")),
				serial(12, TestPskc.totp().data("<TimeInterval><PlainValue>45</PlainValue></TimeInterval>")),
				serial(13,
						TestPskc.totp()
							.data("<TimeInterval><PlainValue>30</PlainValue></TimeInterval>"
									+ "<TimeDrift><PlainValue>x</PlainValue></TimeDrift>")),
				serial(14, TestPskc.hotp().data("<Counter><PlainValue>-1</PlainValue></Counter>")),
				"<KeyPackage><DeviceInfo><SerialNo>SN15</SerialNo></DeviceInfo></KeyPackage>",
				serial(16, TestPskc.totp())));

		assertThat(file.errors()).extracting(RowError::message)
			.containsExactly("KeyPackage 1 (serial SN1): no secret (the key has no Data/Secret)",
					"KeyPackage 2 (serial SN2): the secret's PlainValue is not valid base64",
					"KeyPackage 3 (serial SN3): no secret (Secret has neither a PlainValue nor an EncryptedValue)",
					"KeyPackage 4 (serial SN4): algorithm urn:ietf:params:xml:ns:keyprov:pskc#OCRA-1 is not "
							+ "supported: Keyfob reads HOTP and TOTP keys",
					"KeyPackage 5 (serial SN5): the Key has no Algorithm",
					"KeyPackage 6 (serial SN6): ResponseFormat Encoding 'HEXADECIMAL' is not supported: Keyfob checks "
							+ "DECIMAL codes",
					"KeyPackage 7 (serial SN7): ResponseFormat CheckDigits is not supported: Keyfob checks codes "
							+ "without a check digit",
					"KeyPackage 8 (serial SN8): 9 digits are not allowed: use 6, 7 or 8",
					"KeyPackage 9 (serial SN9): ResponseFormat Length 'six' is not a whole number: use 6, 7 or 8",
					"KeyPackage 10 (serial SN10): Suite 'OCRA-1:HOTP-SHA1-6:QN08' is not supported: use HMAC-SHA1, "
							+ "HMAC-SHA256 or HMAC-SHA512",
					"KeyPackage 11 (serial SN11): Time 5 is not supported: Keyfob counts TOTP time steps from the "
							+ "Unix epoch (Time 0)",
					"KeyPackage 12 (serial SN12): time interval 45 is not allowed: use 30 or 60",
					"KeyPackage 13 (serial SN13): TimeDrift 'x' is not a whole number",
					"KeyPackage 14 (serial SN14): counter -1 is not allowed: use 0 or more",
					"KeyPackage 15 (serial SN15): the KeyPackage holds 0 Key elements; RFC 6030 puts exactly one in "
							+ "each");
		assertThat(file.records()).extracting(SeedRecord::serialNumber).containsExactly("SN16");
		TestSeedFiles.assertNoSecretIn(TestSeedFiles.messages(file), TestSeedFiles.RFC_SEED);
	}

	@Test
	void readWhenValuesAreLeftOutThenAssumesDefaultsAndSaysSo() {
		SeedFile file = TestSeedFiles.read(TestPskc.container(serial(1, TestPskc.totp().parameters("").data("")),
				serial(2, TestPskc.hotp().parameters(format("Encoding=\"DECIMAL\"")).data("")),
				serial(3,
						TestPskc.totp()
							.secret("<Secret><PlainValue>MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI="
									+ "</PlainValue></Secret>"))));

		assertThat(file.errors()).isEmpty();
		assertThat(file.warnings()).extracting(RowWarning::toString)
			.containsExactly("KeyPackage 1 (serial SN1): no ResponseFormat; assumed 6 digits",
					"KeyPackage 1 (serial SN1): no TimeInterval; assumed 30 seconds",
					"KeyPackage 2 (serial SN2): no ResponseFormat Length; assumed 6 digits",
					"KeyPackage 2 (serial SN2): no Counter; assumed 0",
					"KeyPackage 3 (serial SN3): the file does not name a hash function; HMAC-SHA256 assumed from the "
							+ "32-byte secret");
		assertThat(file.records()).extracting(SeedRecord::hashFunction)
			.containsExactly(HashFunction.HMAC_SHA1, HashFunction.HMAC_SHA1, HashFunction.HMAC_SHA256);
	}

	@Test
	void readWhenTwoKeysInOnePackageThenRefusesThePackage() {
		String twoKeys = TestPskc.totp().keyPackage().replace("</Key>", "</Key><Key Id=\"B\" Algorithm=\"x\"/>");

		assertThat(TestSeedFiles.read(TestPskc.container(twoKeys)).errors()).extracting(RowError::reason)
			.containsExactly("the KeyPackage holds 2 Key elements; RFC 6030 puts exactly one in each");
	}

	@Test
	void readWhenNoKeyPackagesThenNothingToImport() {
		SeedFile file = TestSeedFiles.read(TestPskc.container());

		assertThat(file.rowCount()).isZero();
	}

	@Test
	void readWhenNotAKeyContainerThenRejectsTheFile() {
		assertThatExceptionOfType(SeedFileRejected.class)
			.isThrownBy(() -> TestSeedFiles.read("<?xml version=\"1.0\"?><Tokens><Token serial=\"1\"/></Tokens>"))
			.withMessage("This XML file is not PSKC: expected a KeyContainer element in the namespace "
					+ "urn:ietf:params:xml:ns:keyprov:pskc");
		assertThatExceptionOfType(SeedFileRejected.class)
			.isThrownBy(() -> TestSeedFiles.read("<KeyContainer Version=\"1.0\" "
					+ "xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc:1.0\"><Device/></KeyContainer>"))
			.withMessage(
					"This PSKC file uses a pre-RFC draft format (namespace urn:ietf:params:xml:ns:keyprov:pskc:1.0),"
							+ " which Keyfob does not read: ask the vendor for an RFC 6030 file");
		assertThatExceptionOfType(SeedFileRejected.class)
			.isThrownBy(() -> TestSeedFiles.read(TestPskc.container().replace("Version=\"1.0\"", "Version=\"2.0\"")))
			.withMessage("PSKC version '2.0' is not supported: Keyfob reads version 1.0 (RFC 6030)");
	}

	private static String serial(int number, TestPskc keyPackage) {
		return keyPackage.deviceInfo("<DeviceInfo><SerialNo>SN" + number + "</SerialNo></DeviceInfo>").keyPackage();
	}

	private static String format(String attributes) {
		return "<AlgorithmParameters><ResponseFormat " + attributes + "/></AlgorithmParameters>";
	}

}
