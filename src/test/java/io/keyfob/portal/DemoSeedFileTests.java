package io.keyfob.portal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.keyfob.otp.Base32;
import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.SeedFile;
import io.keyfob.seedimport.SeedFileReader;
import io.keyfob.seedimport.SeedRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample seed file of docs/getting-started.md reads as the walk-through says: five
 * TOTP tokens, DEMO-0001 to DEMO-0005, with the secrets printed in the file (which the
 * reader types into {@code oathtool}).
 */
class DemoSeedFileTests {

	static final Path SAMPLE = Path.of("docs", "samples", "demo-tokens.csv");

	@Test
	void sampleSeedFileHoldsTheFiveDemoTokensOfTheWalkThrough() throws IOException {
		SeedFile file;
		try (InputStream in = Files.newInputStream(SAMPLE)) {
			file = new SeedFileReader().read(in, ReadOptions.defaults());
		}
		assertThat(file.errors()).isEmpty();
		assertThat(file.records()).extracting(SeedRecord::serialNumber)
			.containsExactly("DEMO-0001", "DEMO-0002", "DEMO-0003", "DEMO-0004", "DEMO-0005");
		List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
		for (int i = 0; i < 5; i++) {
			String secret = lines.get(i + 1).split(",")[1];
			assertThat(file.records().get(i).secret()).isEqualTo(Base32.decode(secret));
		}
	}

	/**
	 * The walk-through's seed file, for the browser tests.
	 * @param serialNumber for example {@code DEMO-0001}
	 * @return its secret, decoded
	 */
	static byte[] secretOf(String serialNumber) throws IOException {
		return Files.readAllLines(SAMPLE, StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> line.startsWith(serialNumber + ","))
			.map((line) -> Base32.decode(line.split(",")[1]))
			.findFirst()
			.orElseThrow();
	}

}
