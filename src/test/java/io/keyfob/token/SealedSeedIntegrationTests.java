package io.keyfob.token;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.keyfob.otp.Base32;
import io.keyfob.otp.OtpCode;
import io.keyfob.shared.secret.SecretIntegrityException;
import io.keyfob.support.ChosenSeeds;
import io.keyfob.support.Keyfob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seeds at rest, on the embedded database in file mode: sealed, bound to their token, and
 * only ever opened with the master key that sealed them.
 */
class SealedSeedIntegrationTests {

	static final String KEY_A = "--keyfob.secrets.master-key=" + "A".repeat(43) + "=";

	static final String KEY_B = "--keyfob.secrets.master-key=" + "B".repeat(43) + "=";

	@TempDir
	Path dataDirectory;

	@Test
	void databaseFilesWhenSeedsStoredThenHoldNoPlaintextSeed() throws IOException {
		List<byte[]> secrets = new ArrayList<>();
		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory, KEY_A)) {
			TokenInventory inventory = keyfob.getBean(TokenInventory.class);
			for (int i = 0; i < 20; i++) {
				byte[] secret = randomSecret();
				secrets.add(secret);
				inventory.create(NewHardwareOathToken.totp("SEAL-" + i, "Feitian", "c200", TokenSecret.of(secret), 30));
			}
		}
		byte[] files = allFiles(this.dataDirectory);
		assertThat(files.length).as("the database files were written").isGreaterThan(10_000);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.dataDirectory)))
			.isEqualTo("rwx------");
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(this.dataDirectory.resolve("keyfob.mv.db"))))
			.as("the database file, like master.key")
			.isEqualTo("rw-------");
		for (byte[] secret : secrets) {
			assertThat(indexOf(files, secret)).as("raw seed bytes").isEqualTo(-1);
			assertThat(indexOf(files, Base32.encode(secret).getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);
			assertThat(indexOf(files, HexFormat.of().formatHex(secret).getBytes(StandardCharsets.US_ASCII)))
				.isEqualTo(-1);
		}
		assertThat(indexOf(files, "SEAL-7".getBytes(StandardCharsets.US_ASCII))).as("the serial number is not secret")
			.isNotEqualTo(-1);
	}

	@Test
	void checkWhenSealedSeedCopiedFromAnotherTokenThenDoesNotOpen() {
		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory, KEY_A)) {
			TokenInventory inventory = keyfob.getBean(TokenInventory.class);
			UUID first = inventory.create(token("COPY-1")).id();
			UUID second = inventory.create(token("COPY-2")).id();
			keyfob.getBean(JdbcClient.class).sql("""
					update hardware_oath_token set (seed_key_id, seed_nonce, seed_ciphertext) =
						(select seed_key_id, seed_nonce, seed_ciphertext from hardware_oath_token where id = :from)
					where id = :to
					""").param("from", first).param("to", second).update();
			TokenCodes codes = keyfob.getBean(TokenCodes.class);
			assertThat(codes.check(first, OtpCode.parse("123456"), CheckWindow.signIn()).accepted()).isFalse();
			assertThatExceptionOfType(SecretIntegrityException.class)
				.isThrownBy(() -> codes.check(second, OtpCode.parse("123456"), CheckWindow.signIn()))
				.withMessageContaining(second.toString())
				.withMessageContaining("copied");
		}
	}

	@Test
	void startWhenMasterKeyIsNotTheOneThatSealedThenStopsWithClearMessage() {
		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory, KEY_A)) {
			keyfob.getBean(TokenInventory.class).create(token("KEY-1"));
		}
		assertThatThrownBy(() -> Keyfob.start(this.dataDirectory, KEY_B)).rootCause()
			.hasMessageContaining("sealed with master key id")
			.hasMessageContaining("but the configured master key has id");
		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory, KEY_A)) {
			assertThat(keyfob.getBean(TokenInventory.class).findBySerialNumber("key-1")).isPresent();
		}
	}

	@Test
	void startWhenNoMasterKeyConfiguredThenCreatesOwnerOnlyKeyFileAndKeepsUsingIt() throws IOException {
		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory, "--keyfob.secrets.master-key=")) {
			keyfob.getBean(TokenInventory.class).create(token("FILE-1"));
		}
		Path keyFile = this.dataDirectory.resolve("master.key");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		String key = Files.readString(keyFile);
		try (ConfigurableApplicationContext keyfob = Keyfob.start(this.dataDirectory, "--keyfob.secrets.master-key=")) {
			TokenCodes codes = keyfob.getBean(TokenCodes.class);
			UUID id = keyfob.getBean(TokenInventory.class).getBySerialNumber("FILE-1").id();
			assertThat(codes.check(id, OtpCode.parse("000000"), CheckWindow.signIn()).accepted()).isFalse();
		}
		assertThat(Files.readString(keyFile)).isEqualTo(key);
		Files.delete(keyFile);
		assertThatThrownBy(() -> Keyfob.start(this.dataDirectory, "--keyfob.secrets.master-key=")).rootCause()
			.hasMessageContaining("sealed with master key id");
	}

	private static NewHardwareOathToken token(String serial) {
		return NewHardwareOathToken.totp(serial, "Feitian", "c200", TokenSecret.of(randomSecret()), 30);
	}

	private static byte[] randomSecret() {
		return ChosenSeeds.next();
	}

	private static byte[] allFiles(Path directory) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				out.write(Files.readAllBytes(file));
			}
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
