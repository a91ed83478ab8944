package io.keyfob.seedimport.csv;

import java.time.Instant;

import io.keyfob.otp.HashFunction;
import io.keyfob.seedimport.SeedOtpType;
import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.RowError;
import io.keyfob.seedimport.RowWarning;
import io.keyfob.seedimport.SecretEncoding;
import io.keyfob.seedimport.SeedFile;
import io.keyfob.seedimport.SeedFileFormat;
import io.keyfob.seedimport.SeedFileRejected;
import io.keyfob.seedimport.SeedRecord;
import io.keyfob.seedimport.TestSeedFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Vendor CSVs: columns found by header name, in any order and with any delimiter.
 */
class VendorCsvTests {

	private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	private static final String HEX_SECRET = "3132333435363738393031323334353637383930";

	private static final String HEX_SECRET_32 = "3132333435363738393031323334353637383930313233343536373839303132";

	@Test
	void readWhenDeepnetFileThenTotpTokensWithoutOwner() {
		SeedFile file = TestSeedFiles.readResource("csv/deepnet-example.csv", ReadOptions.defaults());

		assertThat(file.format()).isEqualTo(SeedFileFormat.VENDOR_CSV);
		assertThat(file.errors()).isEmpty();
		assertThat(file.records()).extracting(SeedRecord::serialNumber).containsExactly("10001001", "10001002");
		assertThat(file.records()).allSatisfy((record) -> {
			assertThat(record.secret()).hasSize(20);
			assertThat(record.otpType()).isEqualTo(SeedOtpType.TOTP);
			assertThat(record.timeIntervalSeconds()).isEqualTo(60);
			assertThat(record.manufacturer()).isEqualTo("Deepnet Security");
			assertThat(record.model()).isEqualTo("SafeID/Classic");
			assertThat(record.owner()).isNull();
		});
	}

	/**
	 * Token2's guide shows {@code timeinterval} without a space, so it is not the Entra
	 * header, and an example key in hex although Entra wants Base32.
	 */
	@Test
	void readWhenToken2ExampleThenHexKeyIsCaughtAndReadableAsHex() {
		SeedFile asBase32 = TestSeedFiles.readResource("csv/token2-example.csv", ReadOptions.defaults());
		SeedFile asHex = TestSeedFiles.readResource("csv/token2-example.csv",
				ReadOptions.defaults().withSecretEncoding(SecretEncoding.HEX));

		assertThat(asBase32.format()).isEqualTo(SeedFileFormat.VENDOR_CSV);
		assertThat(asBase32.errors()).extracting(RowError::message)
			.containsExactly("line 2: secret key: Base32 allows only the letters A-Z and the digits 2-7; found '1' at "
					+ "position 1; this looks like a hex secret: convert it to Base32, or import the file with the hex secret "
					+ "encoding option");
		assertThat(asHex.records()).singleElement().satisfies((record) -> {
			assertThat(record.serialNumber()).isEqualTo("60234567");
			assertThat(record.secret()).hasSize(16);
			assertThat(record.owner()).isEqualTo("gulnara@token2.onmicrosoft.com");
			assertThat(record.model()).isEqualTo("c101");
		});
	}

	@Test
	void readWhenSemicolonsAndOtherColumnNamesThenMapsThem() {
		SeedFile file = TestSeedFiles
			.read("SN;Seed;Encoding;Type;Digits;Counter;Algorithm;Display_Name;User\n" + "H1;" + HEX_SECRET
					+ ";hex;HOTP;8;42;;Desk token;bob@example.com\n" + "T1;" + SECRET + ";base32;totp;6;;SHA256;;\n");

		assertThat(file.errors()).isEmpty();
		SeedRecord hotp = file.records().get(0);
		assertThat(hotp.otpType()).isEqualTo(SeedOtpType.HOTP);
		assertThat(hotp.secret()).isEqualTo(TestSeedFiles.RFC_SEED);
		assertThat(hotp.digits()).isEqualTo(8);
		assertThat(hotp.counter()).isEqualTo(42);
		assertThat(hotp.timeIntervalSeconds()).isZero();
		assertThat(hotp.displayName()).isEqualTo("Desk token");
		assertThat(hotp.owner()).isEqualTo("bob@example.com");
		SeedRecord totp = file.records().get(1);
		assertThat(totp.hashFunction()).isEqualTo(HashFunction.HMAC_SHA256);
		assertThat(totp.timeIntervalSeconds()).isEqualTo(30);
		assertThat(file.warnings()).extracting(RowWarning::toString)
			.containsExactly("line 1: the header line has no time interval column; every TOTP token gets 30 seconds");
	}

	@Test
	void readWhenHashNotGivenThenTakenFromTheSecretLengthWithAWarning() {
		SeedFile file = TestSeedFiles.read(
				"serial_number,secret_key,time_interval,hash\n" + "A," + HEX_SECRET_32 + ",30,\n" + "B," + HEX_SECRET_32
						+ ",30,hmacsha1\n" + "C," + HEX_SECRET + ",30,\n",
				ReadOptions.defaults().withSecretEncoding(SecretEncoding.HEX));

		assertThat(file.records()).extracting(SeedRecord::hashFunction)
			.containsExactly(HashFunction.HMAC_SHA256, HashFunction.HMAC_SHA1, HashFunction.HMAC_SHA1);
		assertThat(file.warnings()).extracting(RowWarning::toString)
			.containsExactly(
					"line 2: the file does not name a hash function; HMAC-SHA256 assumed from the 32-byte secret");
	}

	@Test
	void readWhenUnknownColumnOrEmptyIntervalThenWarns() {
		SeedFile file = TestSeedFiles.read("serial,secret,period,batch\nA," + SECRET + ",,7\n");

		assertThat(file.warnings()).extracting(RowWarning::toString)
			.containsExactly("line 1: column 'batch' is not read",
					"line 2: no time interval given; assumed 30 seconds");
	}

	@Test
	void readWhenValuesAreBadThenEachRowSaysWhy() {
		SeedFile file = TestSeedFiles.read("serial,secret,type,digits,counter,hash,encoding\n" + "A," + SECRET
				+ ",ocra,,,,\n" + "B," + SECRET + ",,,,md5,\n" + "C," + SECRET + ",,9,,,\n" + "D," + SECRET
				+ ",hotp,,-1,,\n" + "E," + SECRET + ",,,,,b64\n" + "F," + SECRET + ",,,,,,x,y\n");

		assertThat(file.errors()).extracting(RowError::message)
			.containsExactly("line 2: type 'ocra' is not supported: use TOTP or HOTP",
					"line 3: hash function 'md5' is not supported: use SHA1, SHA256 or SHA512",
					"line 4: 9 digits are not allowed: use 6, 7 or 8",
					"line 5: counter -1 is not allowed: use 0 or more",
					"line 6: encoding 'b64' is not supported: use base32 or hex",
					"line 7: expected at most 7 fields as in the header line, found 9");
		TestSeedFiles.assertNoSecretIn(TestSeedFiles.messages(file), TestSeedFiles.RFC_SEED);
	}

	@Test
	void readWhenHeaderLacksOrRepeatsAColumnThenRejectsTheFile() {
		ReadOptions vendor = ReadOptions.defaults().withFormat(SeedFileFormat.VENDOR_CSV);

		assertThatExceptionOfType(SeedFileRejected.class)
			.isThrownBy(() -> TestSeedFiles.read("id,secret\nA," + SECRET + "\n", vendor))
			.withMessage("The header line has no serial number column: name one 'serial number', 'serial' or 'sn'");
		assertThatExceptionOfType(SeedFileRejected.class)
			.isThrownBy(() -> TestSeedFiles.read("serial,model\nA,B\n", vendor))
			.withMessage("The header line has no secret column: name one 'secret key', 'secret', 'seed' or 'key'");
		assertThatExceptionOfType(SeedFileRejected.class)
			.isThrownBy(() -> TestSeedFiles.read("serial,secret,sn\nA," + SECRET + ",B\n", vendor))
			.withMessage("The header line names the serial number twice (columns 1 and 3)");
	}

	@Test
	void readWhenValidityColumnsThenDatesAndDateTimesAreReadAsUtc() {
		SeedFile file = TestSeedFiles.read("serial,secret,valid from,expiry\n" + "A," + SECRET
				+ ",2026-01-01,2028-06-30\n" + "B," + SECRET + ",,2027-03-01T12:00:00+01:00\n" + "C," + SECRET
				+ ",2026-02-01T08:30:00,\n" + "D," + SECRET + ",,\n");

		assertThat(file.errors()).isEmpty();
		assertThat(file.records()).extracting(SeedRecord::validFrom, SeedRecord::validUntil)
			.containsExactly(tuple(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-06-30T00:00:00Z")),
					tuple(null, Instant.parse("2027-03-01T11:00:00Z")),
					tuple(Instant.parse("2026-02-01T08:30:00Z"), null), tuple(null, null));
	}

	@Test
	void readWhenAValidityCellIsNoDateOrExpiryIsNotAfterStartThenTheRowIsRejected() {
		SeedFile file = TestSeedFiles.read("serial;secret;validfrom;validuntil\n" + "A;" + SECRET + ";;31/12/2027\n"
				+ "B;" + SECRET + ";2027-01-01;2026-01-01\n" + "C;" + SECRET + ";;" + SECRET + "\n" + "D;" + SECRET
				+ ";;2027-01-01\n");

		assertThat(file.errors()).extracting(RowError::message)
			.containsExactly(
					"line 2: valid until '31/12/2027' is not a date: write it as 2031-01-01 or 2031-01-01T00:00:00Z "
							+ "(ISO 8601, UTC unless an offset is given)",
					"line 3: the expiry date 2026-01-01T00:00:00Z is not after the start date 2027-01-01T00:00:00Z: "
							+ "correct one of the two dates",
					"line 4: valid until (a 32-character value) is not a date: write it as 2031-01-01 or "
							+ "2031-01-01T00:00:00Z (ISO 8601, UTC unless an offset is given)");
		assertThat(file.records()).extracting(SeedRecord::serialNumber).containsExactly("D");
	}

}
