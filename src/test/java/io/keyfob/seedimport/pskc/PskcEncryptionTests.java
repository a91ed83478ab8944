package io.keyfob.seedimport.pskc;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.keyfob.otp.HashFunction;
import io.keyfob.otp.Hex;
import io.keyfob.seedimport.MacCheck;
import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.RowError;
import io.keyfob.seedimport.SeedFile;
import io.keyfob.seedimport.SeedFileRejected;
import io.keyfob.seedimport.SeedFileRejected.Problem;
import io.keyfob.seedimport.SeedRecord;
import io.keyfob.seedimport.TestSeedFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Encrypted PSKC: keys, passwords, MAC checks and what happens when any of them is wrong.
 * The files were written by python-pskc (see the README next to them), so this is also an
 * interoperability test.
 */
class PskcEncryptionTests {

	private static final String PSK_FILE = "pskc/csv2pskc/psk-aes128.pskcxml";

	private static final String PSK = "000102030405060708090a0b0c0d0e0f";

	private static final String PASSWORD = "correct horse battery staple";

	private static final byte[] SECOND_SECRET = Hex.decode("6b9f0d2c41e87a53c0d4f2b19e6a7d3580c4e1f2");

	private final List<String> messages = new ArrayList<>();

	@AfterEach
	void nothingSecretWasSaid() {
		TestSeedFiles.assertNoSecretIn(this.messages, TestSeedFiles.RFC_SEED, TestSeedFiles.RFC_SEED_32, SECOND_SECRET,
				Hex.decode(PSK), Hex.decode("12345678901234567890123456789012"));
		assertThat(this.messages).noneMatch((message) -> message.contains(PASSWORD) || message.contains("qwerty"));
	}

	@Test
	void readWhenPreSharedKeyThenDecryptsEveryKey() {
		SeedFile file = read(TestPskc.fixture(PSK_FILE), withKey());

		assertThat(file.errors()).isEmpty();
		assertThat(file.records()).extracting(SeedRecord::serialNumber)
			.containsExactly("KF-T-0001", "KF-T-0002", "KF-H-0003");
		assertThat(file.records().get(1).secret()).isEqualTo(SECOND_SECRET);
	}

	@Test
	void readWhenWrongKeyThenSaysSoWhicheverCheckNotices() {
		// a chosen seed: the same 32 wrong keys every run
		Random random = new Random(7351);
		for (int i = 0; i < 32; i++) {
			byte[] wrongKey = new byte[16];
			random.nextBytes(wrongKey);
			ReadOptions options = ReadOptions.defaults().withPreSharedKey(wrongKey);

			assertRejected(() -> read(TestPskc.fixture(PSK_FILE), options), Problem.WRONG_KEY,
					"The key or password is wrong: it does not decrypt this file");
		}
	}

	@Test
	void readWhenWrongPasswordThenSaysSo() {
		ReadOptions options = ReadOptions.defaults().withPassword("Correct horse battery staple".toCharArray());

		assertRejected(() -> read(TestPskc.fixture("pskc/csv2pskc/password.pskcxml"), options), Problem.WRONG_KEY,
				"The key or password is wrong: it does not decrypt this file");
	}

	@Test
	void readWhenKeyHasTheWrongLengthThenNamesBoth() {
		ReadOptions options = ReadOptions.defaults().withPreSharedKeyHex(PSK + PSK);

		assertRejected(() -> read(TestPskc.fixture(PSK_FILE), options), Problem.WRONG_KEY,
				"This file is encrypted with AES-128-CBC, which takes a 16-byte key; the pre-shared key has 32 bytes");
	}

	@Test
	void readWhenOneMacFailsThenOnlyThatKeyIsAnError() {
		String tampered = TestPskc.replaceNth(TestPskc.fixture(PSK_FILE), "<pskc:ValueMAC>", "</pskc:ValueMAC>", 2,
				"AAAAAAAAAAAAAAAAAAAAAAAAAAA=");

		SeedFile file = read(tampered, withKey());

		assertThat(file.errors()).extracting(RowError::message)
			.containsExactly(
					"KeyPackage 2 (serial KF-T-0002): MAC check failed: the file was changed or the " + "key is wrong");
		assertThat(file.records()).extracting(SeedRecord::serialNumber).containsExactly("KF-T-0001", "KF-H-0003");
	}

	@Test
	void readWhenOneMacFailsAndTheFileMustBeWholeThenRejectsIt() {
		String tampered = TestPskc.replaceNth(TestPskc.fixture(PSK_FILE), "<pskc:ValueMAC>", "</pskc:ValueMAC>", 2,
				"AAAAAAAAAAAAAAAAAAAAAAAAAAA=");

		assertRejected(() -> read(tampered, withKey().withMacCheck(MacCheck.REJECT_FILE)), Problem.MAC_FAILED,
				"KeyPackage 2 (serial KF-T-0002): MAC check failed: the file was changed or the key is wrong; "
						+ "nothing is imported from a file that fails a MAC check");
	}

	@Test
	void readWhenMacChecksAreSkippedThenABadMacIsIgnored() {
		String tampered = TestPskc.replaceNth(TestPskc.fixture(PSK_FILE), "<pskc:ValueMAC>", "</pskc:ValueMAC>", 2,
				"AAAAAAAAAAAAAAAAAAAAAAAAAAA=");

		SeedFile file = read(tampered, withKey().withMacCheck(MacCheck.SKIP));

		assertThat(file.errors()).isEmpty();
		assertThat(file.records().get(1).secret()).isEqualTo(SECOND_SECRET);
	}

	@Test
	void readWhenCiphertextChangedThenTheMacCatchesIt() {
		String xml = TestPskc.fixture(PSK_FILE);
		int start = xml.indexOf("<xenc:CipherValue>", xml.indexOf("<pskc:KeyPackage>")) + "<xenc:CipherValue>".length();
		char flipped = (xml.charAt(start + 30) == 'A') ? 'B' : 'A';
		String tampered = xml.substring(0, start + 30) + flipped + xml.substring(start + 31);

		assertThat(read(tampered, withKey()).errors()).extracting(RowError::reason)
			.containsExactly("MAC check failed: the file was changed or the key is wrong");
	}

	@Test
	void readWhenAValueHasNoMacThenItCannotBeChecked() {
		String withoutMac = TestPskc.removeNth(TestPskc.fixture(PSK_FILE), "<pskc:ValueMAC>", "</pskc:ValueMAC>", 3);

		assertThat(read(withoutMac, withKey()).errors()).extracting(RowError::message)
			.containsExactly("KeyPackage 3 (serial KF-H-0003): the secret has no ValueMAC, so it cannot be checked");
	}

	@Test
	void readWhenTheFileHasNoMacMethodThenOnlyReadWithoutChecks() {
		String withoutMacs = TestPskc.removeNth(TestPskc.fixture(PSK_FILE), "<pskc:MACMethod", "</pskc:MACMethod>", 1);

		assertRejected(() -> read(withoutMacs, withKey()), Problem.MAC_FAILED,
				"This file's encrypted values carry no MACs (it has no MACMethod), so a wrong key or a changed file would"
						+ " go unnoticed: read it without MAC checks only if you trust it");
		assertThat(read(withoutMacs, withKey().withMacCheck(MacCheck.SKIP)).validCount()).isEqualTo(3);
	}

	@Test
	void readWhenAlgorithmsAreUnsupportedThenNamesThem() {
		String xml = TestPskc.fixture(PSK_FILE);
		String keyWrap = TestPskc.replaceNth(xml, "<xenc:EncryptionMethod Algorithm=\"", "\"", 2,
				"http://www.w3.org/2001/04/xmlenc#kw-aes128");
		String md5Mac = xml.replace("http://www.w3.org/2000/09/xmldsig#hmac-sha1",
				"http://www.w3.org/2001/04/xmldsig-more#hmac-md5");
		String certificate = xml.replace("<pskc:EncryptionKey/>",
				"<pskc:EncryptionKey><ds:X509Data xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/></pskc:EncryptionKey>");
		String noEncryptionKey = xml.replace("<pskc:EncryptionKey/>", "");

		assertThat(read(keyWrap, withKey()).errors()).extracting(RowError::message)
			.containsExactly("KeyPackage 1 (serial KF-T-0001): the secret is encrypted with "
					+ "http://www.w3.org/2001/04/xmlenc#kw-aes128, which Keyfob does not support: use AES-128-CBC, "
					+ "AES-192-CBC or AES-256-CBC");
		assertRejected(() -> read(md5Mac, withKey()), Problem.UNSUPPORTED,
				"This file's MACs use http://www.w3.org/2001/04/xmldsig-more#hmac-md5, which Keyfob does not support: it"
						+ " checks HMAC-SHA1, -SHA224, -SHA256, -SHA384 and -SHA512");
		assertRejected(() -> read(certificate, withKey()), Problem.UNSUPPORTED,
				"This file is encrypted for a certificate (RFC 6030 §6.3), which Keyfob does not support: ask the vendor"
						+ " for a file with a pre-shared key or password");
		assertRejected(() -> read(noEncryptionKey, withKey()), Problem.MALFORMED,
				"This PSKC file has encrypted values but no EncryptionKey that says how they were encrypted");
	}

	@Test
	void readWhenAes256AndHmacSha256ThenDecrypts() {
		SeedFile file = read(TestPskc.fixture("pskc/python-pskc/aes256-hmac-sha256.pskcxml"), ReadOptions.defaults()
			.withPreSharedKeyHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));

		assertThat(file.errors()).isEmpty();
		assertThat(file.records().get(0).secret()).isEqualTo(TestSeedFiles.RFC_SEED_32);
		assertThat(file.records().get(0).hashFunction()).isEqualTo(HashFunction.HMAC_SHA256);
		assertThat(file.records().get(1).secret()).isEqualTo(TestSeedFiles.RFC_SEED);
		assertThat(file.records().get(1).counter()).isEqualTo(3);
	}

	@Test
	void readWhenPbkdf2WithHmacSha256AndAes192ThenDecrypts() {
		SeedFile file = read(TestPskc.fixture("pskc/python-pskc/pbkdf2-hmac-sha256.pskcxml"),
				ReadOptions.defaults().withPassword(PASSWORD.toCharArray()));

		assertThat(file.errors()).isEmpty();
		assertThat(file.records()).extracting(SeedRecord::secret)
			.containsExactly(TestSeedFiles.RFC_SEED_32, TestSeedFiles.RFC_SEED);
	}

	@Test
	void readWhenPbkdf2ParametersAreBadThenSaysWhich() {
		String xml = TestPskc.fixture("pskc/csv2pskc/password.pskcxml");
		ReadOptions options = ReadOptions.defaults().withPassword(PASSWORD.toCharArray());

		assertRejected(() -> read(xml.replace("<IterationCount>100000<", "<IterationCount>10000000<"), options),
				Problem.UNSUPPORTED, "The PBKDF2 IterationCount in this file must be a number from 1 to 5,000,000");
		assertRejected(() -> read(TestPskc.removeNth(xml, "<Salt>", "</Salt>", 1), options), Problem.MALFORMED,
				"The PBKDF2 parameters in this file have no salt (Salt/Specified)");
		assertRejected(
				() -> read(xml.replace("</KeyLength>", "</KeyLength><PRF Algorithm=\"urn:example:prf\"/>"), options),
				Problem.UNSUPPORTED,
				"This file's PBKDF2 uses the function urn:example:prf, which Keyfob does not support");
		assertRejected(() -> read(xml.replace("pkcs-5v2-0#pbkdf2", "pkcs-5v2-0#scrypt"), options), Problem.UNSUPPORTED,
				"This file derives its key with http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#scrypt, "
						+ "which Keyfob does not support: it supports PBKDF2 (RFC 6030 §6.2)");
	}

	private static ReadOptions withKey() {
		return ReadOptions.defaults().withPreSharedKeyHex(PSK);
	}

	private SeedFile read(String xml, ReadOptions options) {
		SeedFile file = TestSeedFiles.read(xml, options);
		this.messages.addAll(TestSeedFiles.messages(file));
		return file;
	}

	private void assertRejected(ThrowingCallable reading, Problem problem, String message) {
		SeedFileRejected rejected = catchThrowableOfType(reading, SeedFileRejected.class);
		assertThat(rejected).as("rejection").isNotNull();
		this.messages.add(rejected.getMessage());
		assertThat(rejected.problem()).isEqualTo(problem);
		assertThat(rejected).hasMessage(message);
	}

}
