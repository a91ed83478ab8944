package io.keyfob.seedimport.csv;

import io.keyfob.otp.HashFunction;
import io.keyfob.seedimport.SeedOtpType;
import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.RowError;
import io.keyfob.seedimport.RowWarning;
import io.keyfob.seedimport.SeedFile;
import io.keyfob.seedimport.SeedFileFormat;
import io.keyfob.seedimport.SeedRecord;
import io.keyfob.seedimport.TestSeedFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * privacyIDEA's OATH CSV, versions 1 and 2, with privacyIDEA's defaults and Keyfob's hash
 * function rule.
 */
class PrivacyIdeaCsvTests {

	private static final String SEED = "3132333435363738393031323334353637383930";

	@Test
	void readWhenVersion1ThenAppliesPrivacyIdeaDefaults() {
		SeedFile file = TestSeedFiles.readResource("csv/privacyidea-v1.csv", ReadOptions.defaults());

		assertThat(file.format()).isEqualTo(SeedFileFormat.PRIVACYIDEA_CSV);
		assertThat(file.errors()).isEmpty();
		assertThat(file.records())
			.extracting(SeedRecord::serialNumber, SeedRecord::otpType, SeedRecord::digits,
					SeedRecord::timeIntervalSeconds, SeedRecord::counter, SeedRecord::hashFunction)
			.containsExactly(tuple("tok1", SeedOtpType.HOTP, 6, 0, 0L, HashFunction.HMAC_SHA1),
					tuple("tok2", SeedOtpType.TOTP, 6, 30, 0L, HashFunction.HMAC_SHA1),
					tuple("tok3", SeedOtpType.HOTP, 8, 0, 5L, HashFunction.HMAC_SHA1),
					tuple("tok4", SeedOtpType.TOTP, 8, 60, 0L, HashFunction.HMAC_SHA1),
					tuple("tok5", SeedOtpType.TOTP, 6, 30, 0L, HashFunction.HMAC_SHA256),
					tuple("tok6", SeedOtpType.TOTP, 6, 30, 0L, HashFunction.HMAC_SHA1));
		assertThat(file.records().get(0).secret()).isEqualTo(TestSeedFiles.RFC_SEED);
		assertThat(file.records().get(4).secret()).isEqualTo(TestSeedFiles.RFC_SEED_32);
		assertThat(file.records()).extracting(SeedRecord::owner).containsOnlyNulls();
		assertThat(file.warnings()).extracting(RowWarning::toString)
			.containsExactly("line 3: no time interval given; assumed 30 seconds",
					"line 6: the file does not name a hash function; HMAC-SHA256 assumed from the 32-byte secret");
	}

	@Test
	void readWhenVersion2ThenTheUserIsTheOwner() {
		SeedFile file = TestSeedFiles.readResource("csv/privacyidea-v2.csv", ReadOptions.defaults());

		assertThat(file.errors()).isEmpty();
		assertThat(file.records()).extracting(SeedRecord::serialNumber, SeedRecord::owner, SeedRecord::otpType)
			.containsExactly(tuple("tok7", "alice", SeedOtpType.TOTP), tuple("tok8", null, SeedOtpType.HOTP));
	}

	@Test
	void readWhenRowsAreBadThenEachSaysWhy() {
		SeedFile file = TestSeedFiles.read("# tokens\n" + "o1, " + SEED + ", ocra, OCRA-1:HOTP-SHA1-6:QN08\n" + "t1, "
				+ SEED + ", tan, 1 2 3 4 5 6 7 8 9\n" + "s1\n" + "s2, 31323x\n" + "s3, 313\n" + "s4, " + SEED
				+ ", totp, 6, 30, sha1, extra\n" + "s5, " + SEED + ", totp, six\n" + "ok, " + SEED + "\n");

		assertThat(file.errors()).extracting(RowError::message)
			.containsExactly("line 2: type OCRA is not supported: use TOTP or HOTP",
					"line 3: type TAN is not supported: use TOTP or HOTP",
					"line 4: expected at least 2 fields (serial, seed), found 1",
					"line 5: seed: Hex allows only the digits 0-9 and the letters a-f; found 'x' at position 6",
					"line 6: seed: Hex needs two digits per byte, but the number of digits is odd; found '3' at "
							+ "position 3 (the last digit)",
					"line 7: expected at most 6 fields (serial, seed, type, digits, time step or counter, hash "
							+ "function), found 7",
					"line 8: digits 'six' is not a whole number: use 6, 7 or 8");
		assertThat(file.records()).extracting(SeedRecord::serialNumber).containsExactly("ok");
		TestSeedFiles.assertNoSecretIn(TestSeedFiles.messages(file), TestSeedFiles.RFC_SEED);
	}

	@Test
	void readWhenVersion2RowTooShortThenNamesTheOwnerColumns() {
		SeedFile file = TestSeedFiles.read("# version: 2\nalice, r, realm, tok1\n");

		assertThat(file.errors()).extracting(RowError::reason)
			.containsExactly("expected at least 5 fields (user, resolver, realm, serial, seed), found 4");
	}

	@Test
	void readWhenCommentLinesComeFirstThenStillDetected() {
		SeedFile file = TestSeedFiles.read("# exported 2026-11-26\n\n# serial, seed\ntok1, " + SEED + "\n");

		assertThat(file.format()).isEqualTo(SeedFileFormat.PRIVACYIDEA_CSV);
		assertThat(file.validCount()).isEqualTo(1);
	}

}
