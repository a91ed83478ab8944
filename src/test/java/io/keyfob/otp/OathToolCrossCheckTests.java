package io.keyfob.otp;

import java.time.Instant;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.keyfob.support.OathTool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Compares the engine with OATH Toolkit's {@code oathtool} on random secrets, counters
 * and times. The generator is seeded, so a failing case number reproduces; cases print
 * their parameters but not their keys.
 */
class OathToolCrossCheckTests {

	private static final int CASES_PER_HASH = 50;

	private static final int[] STEP_SIZES = { 30, 60, 1, 15, 300 };

	@ParameterizedTest
	@MethodSource("totpCases")
	void totpWhenRandomCaseThenSameAsOathtool(TotpCase c) {
		// per test rather than in @BeforeAll, so that every skipped case is counted
		assumeTrue(OathTool.available(), OathTool.NOT_INSTALLED);
		OtpParameters parameters = new OtpParameters(c.hashFunction(), c.digits());
		String expected = OathTool.totp(c.key(), c.hashFunction(), c.digits(), c.stepSeconds(),
				Instant.ofEpochSecond(c.epochSecond()));
		assertThat(Totp.generate(c.key(), c.epochSecond(), c.stepSeconds(), parameters)).isEqualTo(expected);
	}

	@ParameterizedTest
	@MethodSource("hotpCases")
	void hotpWhenRandomCaseThenSameAsOathtool(HotpCase c) {
		assumeTrue(OathTool.available(), OathTool.NOT_INSTALLED);
		OtpParameters parameters = new OtpParameters(HashFunction.HMAC_SHA1, c.digits());
		String expected = OathTool.hotp(c.key(), c.digits(), c.counter());
		assertThat(Hotp.generate(c.key(), c.counter(), parameters)).isEqualTo(expected);
	}

	static Stream<TotpCase> totpCases() {
		Random random = new Random(6238);
		return Stream.of(HashFunction.values())
			.flatMap((hashFunction) -> IntStream.range(0, CASES_PER_HASH)
				.mapToObj((i) -> new TotpCase(i, hashFunction, key(random), digits(random),
						STEP_SIZES[random.nextInt(STEP_SIZES.length)], random.nextLong(1L << 35))));
	}

	static Stream<HotpCase> hotpCases() {
		Random random = new Random(4226);
		// small counters as tokens have them, and the whole unsigned 64-bit range
		return IntStream.range(0, CASES_PER_HASH)
			.mapToObj((i) -> new HotpCase(i, key(random), digits(random),
					(i % 2 == 0) ? random.nextInt(1_000_000) : random.nextLong()));
	}

	private static byte[] key(Random random) {
		byte[] key = new byte[16 + random.nextInt(65)];
		random.nextBytes(key);
		return key;
	}

	private static int digits(Random random) {
		return 6 + random.nextInt(3);
	}

	record TotpCase(int number, HashFunction hashFunction, byte[] key, int digits, int stepSeconds, long epochSecond) {

		@Override
		public String toString() {
			return "case " + this.number + ": " + this.hashFunction + ", " + this.key.length + "-byte key, "
					+ this.digits + " digits, step " + this.stepSeconds + " s, t=" + this.epochSecond;
		}

	}

	record HotpCase(int number, byte[] key, int digits, long counter) {

		@Override
		public String toString() {
			return "case " + this.number + ": " + this.key.length + "-byte key, " + this.digits + " digits, counter "
					+ Long.toUnsignedString(this.counter);
		}

	}

}
