package io.keyfob.seedimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import io.keyfob.seedimport.SeedFileRejected.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Format detection and the rules that span rows: unique serial numbers, the row limit,
 * the text encoding.
 */
class SeedFileReaderTests {

	private static final String ENTRA_HEADER = "upn,serial number,secret key,time interval,manufacturer,model\n";

	private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	@Test
	void readWhenEntraHeaderThenEntraCsv() {
		SeedFile file = TestSeedFiles.read(ENTRA_HEADER + "a@example.com,SN1," + SECRET + ",30,Acme,T1\n");

		assertThat(file.format()).isEqualTo(SeedFileFormat.ENTRA_CSV);
		assertThat(file.validCount()).isEqualTo(1);
	}

	@Test
	void readWhenHeaderNamesColumnsThenVendorCsv() {
		SeedFile file = TestSeedFiles.read("Serial,Secret\nSN1," + SECRET + "\n");

		assertThat(file.format()).isEqualTo(SeedFileFormat.VENDOR_CSV);
	}

	@Test
	void readWhenHeaderlessHexRowsOrVersionCommentThenPrivacyIdeaCsv() {
		assertThat(TestSeedFiles.read("tok1, 3132333435363738393031323334353637383930\n").format())
			.isEqualTo(SeedFileFormat.PRIVACYIDEA_CSV);
		assertThat(TestSeedFiles.read("# version: 2\nalice,r,realm,tok1,3132333435363738393031323334353637383930\n")
			.format()).isEqualTo(SeedFileFormat.PRIVACYIDEA_CSV);
	}

	@Test
	void readWhenXmlThenPskc() {
		SeedFile file = TestSeedFiles.readResource("pskc/keyfob-vendor-style.pskcxml", ReadOptions.defaults());

		assertThat(file.format()).isEqualTo(SeedFileFormat.PSKC);
	}

	@Test
	void readWhenUtf8ByteOrderMarkThenIgnoresIt() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] text = (ENTRA_HEADER + "a@example.com,SN1," + SECRET + ",30,Acme,T1\n").getBytes(StandardCharsets.UTF_8);

		SeedFile file = TestSeedFiles.read(concat(bom, text), ReadOptions.defaults());

		assertThat(file.format()).isEqualTo(SeedFileFormat.ENTRA_CSV);
		assertThat(file.validCount()).isEqualTo(1);
	}

	@Test
	void readWhenUtf16ByteOrderMarkThenReadsExcelUnicodeText() {
		byte[] bom = { (byte) 0xFF, (byte) 0xFE };
		byte[] text = ("serial number\tsecret key\ttime interval\r\nSN1\t" + SECRET + "\t60\r\n")
			.getBytes(StandardCharsets.UTF_16LE);

		SeedFile file = TestSeedFiles.read(concat(bom, text), ReadOptions.defaults());

		assertThat(file.format()).isEqualTo(SeedFileFormat.VENDOR_CSV);
		assertThat(file.records()).singleElement().satisfies((record) -> {
			assertThat(record.secret()).isEqualTo(TestSeedFiles.RFC_SEED);
			assertThat(record.timeIntervalSeconds()).isEqualTo(60);
		});
	}

	@Test
	void readWhenEmptyThenSaysSo() {
		assertThatExceptionOfType(SeedFileRejected.class).isThrownBy(() -> TestSeedFiles.read(" \n\n"))
			.withMessage("The file is empty")
			.extracting(SeedFileRejected::problem)
			.isEqualTo(Problem.UNKNOWN_FORMAT);
	}

	@Test
	void readWhenUnknownContentThenNamesTheFormatsKeyfobKnows() {
		assertThatExceptionOfType(SeedFileRejected.class)
			.isThrownBy(() -> TestSeedFiles.read("Dear admin,\nhere are your tokens.\n"))
			.withMessage("This is not a seed file Keyfob knows: expected a CSV with a header line such as "
					+ "'upn,serial number,secret key,time interval,manufacturer,model', a privacyIDEA OATH CSV "
					+ "('serial, hex seed, type, digits, step') or a PSKC XML file (RFC 6030)");
	}

	@Test
	void readWhenFormatGivenThenDoesNotDetect() {
		ReadOptions asEntra = ReadOptions.defaults().withFormat(SeedFileFormat.ENTRA_CSV);

		assertThatExceptionOfType(SeedFileRejected.class)
			.isThrownBy(() -> TestSeedFiles.read("serial,secret\nSN1," + SECRET + "\n", asEntra))
			.withMessage("An Entra CSV file must start with the header line "
					+ "'upn,serial number,secret key,time interval,manufacturer,model'");
	}

	@Test
	void readWhenSerialNumberRepeatsThenLaterRowsAreErrors() {
		SeedFile file = TestSeedFiles.read(ENTRA_HEADER + "a@example.com,TOTP1," + SECRET + ",30,,\n"
				+ "b@example.com,SN2," + SECRET + ",30,,\n" + "c@example.com, totp1 ," + SECRET + ",30,,\n");

		assertThat(file.records()).extracting(SeedRecord::serialNumber).containsExactly("TOTP1", "SN2");
		assertThat(file.errors()).extracting(RowError::message)
			.containsExactly("line 4: serial number totp1 appears again (first on line 2)");
		assertThat(file.rowCount()).isEqualTo(3);
	}

	@Test
	void readWhenSerialNumberRepeatsAfterABadRowThenStillAnError() {
		SeedFile file = TestSeedFiles
			.read(ENTRA_HEADER + "a@example.com,SN1,GEZD8NBV,30,,\n" + "b@example.com,SN1," + SECRET + ",30,,\n");

		assertThat(file.errors()).extracting(RowError::message)
			.containsExactly(
					"line 2: secret key: Base32 allows only the letters A-Z and the digits 2-7; found '8' at position 5",
					"line 3: serial number SN1 appears again (first on line 2)");
	}

	@Test
	void readWhenMoreRowsThanAllowedThenRejectsTheFile() {
		ReadOptions options = ReadOptions.defaults().withMaxRows(1000);
		StringBuilder text = new StringBuilder("serial,secret\n");
		for (int i = 0; i <= 1000; i++) {
			text.append("SN").append(i).append(',').append(SECRET).append('\n');
		}

		assertThatExceptionOfType(SeedFileRejected.class).isThrownBy(() -> TestSeedFiles.read(text.toString(), options))
			.withMessage("This file has more than 1,000 tokens: split it into smaller files")
			.extracting(SeedFileRejected::problem)
			.isEqualTo(Problem.TOO_MANY_ROWS);
	}

	@Test
	void readWhenNotUtf8ThenSaysHowToSaveIt() {
		byte[] latin1 = (ENTRA_HEADER + "a@example.com,SN1," + SECRET + ",30,,\nj\u00f6rg@example.com,SN2," + SECRET
				+ ",30,,\n")
			.getBytes(StandardCharsets.ISO_8859_1);

		assertThatExceptionOfType(SeedFileRejected.class)
			.isThrownBy(() -> TestSeedFiles.read(latin1, ReadOptions.defaults()))
			.withMessage("This file is not UTF-8 text (see line 3): save it as UTF-8, in Excel as "
					+ "'CSV UTF-8 (Comma delimited)'");
	}

	@Test
	void clearSecretsZerosEveryRecord() {
		SeedFile file = TestSeedFiles
			.read(ENTRA_HEADER + "a@example.com,SN1," + SECRET + ",30,,\n" + "b@example.com,SN2," + SECRET + ",60,,\n");

		file.clearSecrets();

		assertThat(file.records()).allSatisfy((record) -> assertThat(record.secret()).containsOnly(0));
	}

	@Test
	void readLeavesTheStreamOpen() throws IOException {
		AtomicBoolean closed = new AtomicBoolean();
		ByteArrayInputStream in = new ByteArrayInputStream(TestSeedFiles.resource("csv/deepnet-example.csv")) {
			@Override
			public void close() {
				closed.set(true);
			}
		};

		new SeedFileReader().read(in, ReadOptions.defaults());

		assertThat(closed).isFalse();
	}

	@Test
	void optionsNeverShowKeyOrPassword() {
		ReadOptions options = ReadOptions.defaults()
			.withPreSharedKeyHex("12345678901234567890123456789012")
			.withPassword("qwerty".toCharArray());

		assertThat(options.toString()).contains("preSharedKey=(given)", "password=(given)")
			.doesNotContain("1234567890", "qwerty");
	}

	@Test
	void optionsWhenKeyNotHexThenDoesNotRepeatIt() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ReadOptions.defaults().withPreSharedKeyHex("12345678901234567890x2345678901234"))
			.withMessage("The pre-shared key must be given as hex digits (0-9, a-f), two per byte")
			.withNoCause();
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
