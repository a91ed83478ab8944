package io.keyfob.seedimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import io.keyfob.otp.Base32;
import io.keyfob.otp.Hex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads seed files for tests, from text or from {@code src/test/resources/seedfiles}, and
 * checks that no secret shows up in what a reader reports.
 */
public final class TestSeedFiles {

	/** The RFC 4226 and RFC 6238 SHA-1 seed, ASCII {@code 12345678901234567890}. */
	public static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	/** The RFC 6238 SHA-256 seed, ASCII {@code 12345678901234567890123456789012}. */
	public static final byte[] RFC_SEED_32 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

	private TestSeedFiles() {
	}

	public static SeedFile read(String content) {
		return read(content, ReadOptions.defaults());
	}

	public static SeedFile read(String content, ReadOptions options) {
		return read(content.getBytes(StandardCharsets.UTF_8), options);
	}

	public static SeedFile read(byte[] content, ReadOptions options) {
		try {
			return new SeedFileReader().read(new ByteArrayInputStream(content), options);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static SeedFile readResource(String path, ReadOptions options) {
		return read(resource(path), options);
	}

	public static byte[] resource(String path) {
		try (InputStream in = TestSeedFiles.class.getResourceAsStream("/seedfiles/" + path)) {
			assertThat(in).as("test resource seedfiles/%s", path).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static List<String> messages(SeedFile file) {
		List<String> messages = new ArrayList<>();
		file.errors().forEach((error) -> messages.add(error.message()));
		file.warnings().forEach((warning) -> messages.add(warning.toString()));
		file.records().forEach((record) -> messages.add(record.toString()));
		return messages;
	}

	/**
	 * Asserts that no text contains a secret in any of the forms files and logs use: hex,
	 * Base32, base64 and, for printable secrets, the text itself.
	 */
	public static void assertNoSecretIn(List<String> texts, byte[]... secrets) {
		for (byte[] secret : secrets) {
			for (String form : forms(secret)) {
				assertThat(texts).noneMatch((text) -> text.toLowerCase(Locale.ROOT).contains(form));
			}
		}
	}

	private static List<String> forms(byte[] secret) {
		List<String> forms = new ArrayList<>();
		forms.add(Hex.encode(secret));
		forms.add(Base32.encode(secret).toLowerCase(Locale.ROOT));
		forms.add(Base64.getEncoder().encodeToString(secret).replace("=", "").toLowerCase(Locale.ROOT));
		String ascii = new String(secret, StandardCharsets.ISO_8859_1);
		if (ascii.chars().allMatch((c) -> c >= 0x20 && c < 0x7f)) {
			forms.add(ascii.toLowerCase(Locale.ROOT));
		}
		return forms;
	}

}
