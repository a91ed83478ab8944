package io.keyfob.seedimport.csv;

import java.util.List;

import io.keyfob.otp.HashFunction;
import io.keyfob.seedimport.SeedOtpType;
import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.RowError;
import io.keyfob.seedimport.SeedFile;
import io.keyfob.seedimport.SeedFileFormat;
import io.keyfob.seedimport.SeedRecord;
import io.keyfob.seedimport.TestSeedFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entra CSV, as described in docs/admin-guide.md, "Entra CSV": exact header, Base32
 * secrets, UPN on every row, 30 or 60 seconds.
 */
class EntraCsvTests {

	private static final String HEADER = "upn,serial number,secret key,time interval,manufacturer,model\n";

	private static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	/**
	 * Microsoft's own example secret {@code 2234567abcdef2234567abcdef} is 26 Base32
	 * characters whose last one carries non-zero unused bits; Entra accepts it, so Keyfob
	 * does too (RFC 4648 §3.5 leaves this to the decoder).
	 */
	@Test
	void readWhenEntraDocumentationExampleThenAccepted() {
		SeedFile file = TestSeedFiles.readResource("csv/entra-docs-example.csv", ReadOptions.defaults());

		assertThat(file.format()).isEqualTo(SeedFileFormat.ENTRA_CSV);
		assertThat(file.errors()).isEmpty();
		assertThat(file.records()).singleElement().satisfies((record) -> {
			assertThat(record.secret()).hasSize(16);
			assertThat(record.timeIntervalSeconds()).isEqualTo(60);
		});
	}

	@Test
	void readWhenValidRowsThenTotpSha1SixDigitsWithOwner() {
		SeedFile file = TestSeedFiles.readResource("csv/entra.csv", ReadOptions.defaults());

		assertThat(file.errors()).isEmpty();
		assertThat(file.warnings()).isEmpty();
		assertThat(file.records()).hasSize(2);
		SeedRecord first = file.records().get(0);
		assertThat(first.location().number()).isEqualTo(2);
		assertThat(first.owner()).isEqualTo("helga@contoso.com");
		assertThat(first.serialNumber()).isEqualTo("1234567");
		assertThat(first.secret()).isEqualTo(TestSeedFiles.RFC_SEED);
		assertThat(first.otpType()).isEqualTo(SeedOtpType.TOTP);
		assertThat(first.hashFunction()).isEqualTo(HashFunction.HMAC_SHA1);
		assertThat(first.digits()).isEqualTo(6);
		assertThat(first.timeIntervalSeconds()).isEqualTo(60);
		assertThat(first.manufacturer()).isEqualTo("Contoso");
		assertThat(first.model()).isEqualTo("HardwareKey");
		SeedRecord second = file.records().get(1);
		assertThat(second.owner()).isEqualTo("lee@contoso.com");
		assertThat(second.secret()).isEqualTo(TestSeedFiles.RFC_SEED);
		assertThat(second.timeIntervalSeconds()).isEqualTo(30);
		assertThat(second.manufacturer()).isEqualTo("Contoso, Ltd.");
	}

	@Test
	void readWhenHeaderHasOtherCaseAndSpacesThenStillEntra() {
		SeedFile file = TestSeedFiles.read(" UPN , Serial Number,SECRET KEY ,Time Interval,Manufacturer,Model,\n"
				+ "a@example.com,SN1," + SECRET + ",30,Acme,T1,\n");

		assertThat(file.format()).isEqualTo(SeedFileFormat.ENTRA_CSV);
		assertThat(file.validCount()).isEqualTo(1);
	}

	@Test
	void readWhenRowsAreBadThenEachGetsAReasonAndTheOthersAreRead() {
		SeedFile file = TestSeedFiles.read(HEADER + "a@example.com,SN1,GEZD8NBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,,\n"
				+ "a@example.com,SN2," + SECRET + ",45,,\n" + "a@example.com,SN3," + SECRET + ",,,\n"
				+ "a@example.com,SN4," + SECRET + ",abc,,\n" + ",SN5," + SECRET + ",30,,\n" + "a@example.com,," + SECRET
				+ ",30,,\n" + "a@example.com,SN7," + SECRET + ",30,Acme\n" + "a@example.com,SN8,"
				+ "GEZDGNBVGY3TQOJQ,30,,\n" + "a@example.com,SN9,3132333435363738393031323334353637383930,30,,\n"
				+ "a@example.com,SN10,,30,,\n" + "a@example.com,SN11," + SECRET + ",30,Acme,T1,extra\n"
				+ "a@example.com,SN12," + SECRET + ",30,Acme,T1\n");

		assertThat(file.errors()).extracting(RowError::message)
			.containsExactly(
					"line 2: secret key: Base32 allows only the letters A-Z and the digits 2-7; found '8' at position 5",
					"line 3: time interval 45 is not allowed: use 30 or 60",
					"line 4: time interval is empty: use 30 or 60",
					"line 5: time interval 'abc' is not a whole number: use 30 or 60",
					"line 6: upn is empty: Entra CSV assigns every token to a user (read the file as vendor CSV to "
							+ "import the tokens unassigned)",
					"line 7: serial number is empty",
					"line 8: expected 6 fields (upn, serial number, secret key, time interval, manufacturer, model), "
							+ "found 5",
					"line 9: the secret is 10 bytes long; at least 16 bytes (128 bits) are required (RFC 4226)",
					"line 10: secret key: Base32 allows only the letters A-Z and the digits 2-7; found '1' at position 2;"
							+ " this looks like a hex secret: convert it to Base32",
					"line 11: secret key is empty",
					"line 12: expected 6 fields (upn, serial number, secret key, time interval, manufacturer, model), "
							+ "found 7");
		assertThat(file.records()).extracting(SeedRecord::serialNumber).containsExactly("SN12");
		TestSeedFiles.assertNoSecretIn(TestSeedFiles.messages(file), TestSeedFiles.RFC_SEED);
	}

	@Test
	void readWhenAFieldHoldsAShiftedSecretThenTheReasonDoesNotQuoteIt() {
		SeedFile file = TestSeedFiles.read(HEADER + "a@example.com,SN1,x," + SECRET + ",Acme,T1\n");

		assertThat(file.errors()).extracting(RowError::reason)
			.containsExactly("secret key: Base32 text cannot have 1 characters (1, 3 or 6 more than a multiple of 8), "
					+ "so a character is missing or extra");
		file = TestSeedFiles.read(HEADER + "a@example.com,SN1," + SECRET + "," + SECRET + ",Acme,T1\n");
		assertThat(file.errors()).extracting(RowError::reason)
			.containsExactly("time interval (a 32-character value) is not a whole number: use 30 or 60");
		TestSeedFiles.assertNoSecretIn(List.of(file.errors().get(0).message()), TestSeedFiles.RFC_SEED);
	}

}
