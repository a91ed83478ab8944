package io.keyfob.seedimport.pskc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.keyfob.otp.Hex;
import io.keyfob.seedimport.SeedOtpType;
import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.SeedFile;
import io.keyfob.seedimport.SeedRecord;
import io.keyfob.seedimport.TestSeedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Files written by Debian's pskc-utils ({@code csv2pskc}, python-pskc) decrypt to the
 * secrets they were made from: the committed fixtures always, and files made now with a
 * generated key or password when csv2pskc is installed (from a chosen seed, so that a
 * failure comes back on the next run).
 */
class Csv2pskcInteropTests {

	private static final String CSV2PSKC = "csv2pskc";

	private static final String TOTP = "urn:ietf:params:xml:ns:keyprov:pskc:totp";

	private static final String HOTP = "urn:ietf:params:xml:ns:keyprov:pskc:hotp";

	private final Random random = new Random(5830);

	@Test
	void committedFilesHoldTheSecretsOfTheirCsv() {
		Map<String, String> expected = secretsOf(
				new String(TestSeedFiles.resource("pskc/csv2pskc/tokens.csv"), StandardCharsets.UTF_8));

		assertThat(secrets(read("plain.pskcxml", ReadOptions.defaults()))).isEqualTo(expected);
		assertThat(secrets(read("psk-aes128.pskcxml",
				ReadOptions.defaults().withPreSharedKeyHex("000102030405060708090a0b0c0d0e0f"))))
			.isEqualTo(expected);
		assertThat(secrets(read("password.pskcxml",
				ReadOptions.defaults().withPassword("correct horse battery staple".toCharArray()))))
			.isEqualTo(expected);
	}

	@Test
	void freshFileWithRandomPreSharedKeyDecrypts(@TempDir Path folder) throws IOException {
		assumeTrue(ExternalTool.isInstalled(CSV2PSKC),
				"csv2pskc is not installed (Debian package pskc-utils): no fresh PSKC file was made");
		byte[] key = randomBytes(16);
		Map<String, String> secrets = randomTokens();

		SeedFile file = makeAndRead(folder, secrets, List.of("--secret", Hex.encode(key)),
				ReadOptions.defaults().withPreSharedKey(key));

		assertThat(secrets(file)).isEqualTo(secrets);
		assertThat(file.records()).extracting(SeedRecord::otpType).containsExactly(SeedOtpType.TOTP, SeedOtpType.HOTP);
	}

	@Test
	void freshFileWithRandomPasswordDecrypts(@TempDir Path folder) throws IOException {
		assumeTrue(ExternalTool.isInstalled(CSV2PSKC),
				"csv2pskc is not installed (Debian package pskc-utils): no fresh PSKC file was made");
		String password = Hex.encode(randomBytes(12));
		Map<String, String> secrets = randomTokens();

		SeedFile file = makeAndRead(folder, secrets, List.of("--password", password),
				ReadOptions.defaults().withPassword(password.toCharArray()));

		assertThat(secrets(file)).isEqualTo(secrets);
	}

	private SeedFile makeAndRead(Path folder, Map<String, String> secrets, List<String> encryption, ReadOptions options)
			throws IOException {
		StringBuilder csv = new StringBuilder("id+serial,secret,algorithm,response_length,time_interval,counter\n");
		secrets.forEach((serial, secret) -> csv.append(serial)
			.append(',')
			.append(secret)
			.append(serial.startsWith("T") ? "," + TOTP + ",6,30,\n" : "," + HOTP + ",8,,5\n"));
		Path input = Files.writeString(folder.resolve("tokens.csv"), csv);
		Path output = folder.resolve("tokens.pskcxml");
		List<String> command = new ArrayList<>(List.of(CSV2PSKC, input.toString(), "--set", "response_encoding=DECIMAL",
				"--output", output.toString()));
		command.addAll(encryption);
		ExternalTool csv2pskc = ExternalTool.run(command);
		assertThat(csv2pskc.exitCode()).as("csv2pskc: %s", csv2pskc.output()).isZero();
		return TestSeedFiles.read(Files.readAllBytes(output), options);
	}

	private Map<String, String> randomTokens() {
		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("T-" + Hex.encode(randomBytes(4)), Hex.encode(randomBytes(20)));
		secrets.put("H-" + Hex.encode(randomBytes(4)), Hex.encode(randomBytes(20)));
		return secrets;
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private static SeedFile read(String name, ReadOptions options) {
		SeedFile file = TestSeedFiles.readResource("pskc/csv2pskc/" + name, options);
		assertThat(file.errors()).as(name).isEmpty();
		return file;
	}

	private static Map<String, String> secrets(SeedFile file) {
		Map<String, String> secrets = new LinkedHashMap<>();
		file.records().forEach((record) -> secrets.put(record.serialNumber(), Hex.encode(record.secret())));
		return secrets;
	}

	private static Map<String, String> secretsOf(String csv) {
		Map<String, String> secrets = new LinkedHashMap<>();
		csv.lines().skip(1).map((line) -> line.split(",")).forEach((fields) -> secrets.put(fields[0], fields[1]));
		return secrets;
	}

}
