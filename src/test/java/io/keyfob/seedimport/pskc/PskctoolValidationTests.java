package io.keyfob.seedimport.pskc;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every PSKC fixture is valid against the RFC 6030 schema as the OATH Toolkit's
 * {@code pskctool --validate} checks it, so the reader is tested on files other tools
 * accept. Skipped, with a message, where pskctool is not installed.
 */
class PskctoolValidationTests {

	/**
	 * Files the schema rejects on purpose, with the reason. python-pskc's csv2pskc writes
	 * an empty {@code EncryptionKey} for a pre-shared key, where the schema wants a
	 * {@code ds:KeyName}; such files exist in the wild, so Keyfob reads them.
	 */
	private static final Map<String, String> KNOWN_INVALID = Map.of("csv2pskc/psk-aes128.pskcxml",
			"EncryptionKey': Missing child element(s)");

	@TestFactory
	Stream<DynamicTest> everyPskcFixturePassesPskctoolValidate() throws IOException, URISyntaxException {
		assumeTrue(ExternalTool.isInstalled("pskctool"),
				"pskctool is not installed (Debian package pskctool): the PSKC fixtures were not schema-checked");
		Path folder = Path.of(getClass().getResource("/seedfiles/pskc").toURI());
		List<Path> files;
		try (Stream<Path> paths = Files.walk(folder)) {
			files = paths.filter((path) -> path.toString().endsWith(".pskcxml")).sorted().collect(Collectors.toList());
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(10);
		return files.stream().map((file) -> {
			String name = folder.relativize(file).toString().replace('\\', '/');
			return DynamicTest.dynamicTest(name, () -> validate(file, name));
		});
	}

	private static void validate(Path file, String name) {
		ExternalTool quiet = ExternalTool.run(List.of("pskctool", "--quiet", "--validate", file.toString()));
		String expectedFailure = KNOWN_INVALID.get(name);
		if (expectedFailure == null) {
			assertThat(quiet.exitCode()).as("pskctool --validate %s: %s", name, quiet.output()).isZero();
			return;
		}
		ExternalTool verbose = ExternalTool.run(List.of("pskctool", "--validate", file.toString()));
		assertThat(quiet.exitCode()).as("pskctool --validate %s", name).isNotZero();
		assertThat(verbose.output()).contains(expectedFailure);
	}

}
