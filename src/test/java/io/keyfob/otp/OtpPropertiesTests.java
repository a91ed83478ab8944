package io.keyfob.otp;

import java.util.Locale;
import java.util.OptionalLong;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the engine over generated secrets, counters and texts.
 */
class OtpPropertiesTests {

	private static final int RADIUS = 2;

	@Property
	void base32WhenEncodedThenDecodesToSameBytes(@ForAll @Size(max = 100) byte[] bytes) {
		assertThat(Base32.decode(Base32.encode(bytes))).isEqualTo(bytes);
	}

	@Property
	void base32WhenAnyCaseThenSameBytes(@ForAll @Size(max = 80) byte[] bytes, @ForAll long caseBits) {
		String text = Base32.encode(bytes);
		StringBuilder mixed = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean lower = ((caseBits >>> (i % Long.SIZE)) & 1) == 1;
			mixed.append(lower ? Character.toLowerCase(c) : c);
		}
		assertThat(Base32.decode(text.toLowerCase(Locale.ROOT))).isEqualTo(bytes);
		assertThat(Base32.decode(mixed)).isEqualTo(bytes);
	}

	@Property
	void hexWhenEncodedThenDecodesToSameBytes(@ForAll @Size(max = 100) byte[] bytes) {
		assertThat(Hex.decode(Hex.encode(bytes))).isEqualTo(bytes);
		assertThat(Hex.decode(Hex.encode(bytes).toUpperCase(Locale.ROOT))).isEqualTo(bytes);
	}

	@Property
	void generateWhenAnyInputThenExactlyDigitsDigits(@ForAll @Size(min = 1, max = 80) byte[] key, @ForAll long counter,
			@ForAll HashFunction hashFunction, @ForAll @IntRange(min = 6, max = 8) int digits) {
		String code = Hotp.generate(key, counter, new OtpParameters(hashFunction, digits));
		assertThat(code).hasSize(digits).containsOnlyDigits();
		assertThat(OtpCode.parse(code).length()).isEqualTo(digits);
	}

	@Property(tries = 300)
	void findMatchWhenCodeOfAStepInsideTheWindowThenThatStep(@ForAll @Size(min = 16, max = 64) byte[] key,
			@ForAll HashFunction hashFunction, @ForAll @LongRange(min = RADIUS, max = 1L << 40) long centre,
			@ForAll @IntRange(min = -RADIUS, max = RADIUS) int offset) {
		OtpGenerator generator = OtpGenerator.of(key, new OtpParameters(hashFunction, 6));
		String typed = generator.codeAt(centre + offset);
		OptionalLong found = generator.findMatch(OtpCode.parse(typed), CodeWindow.around(centre, RADIUS));
		assertThat(found).isPresent();
		if (occurrences(generator, typed, centre) == 1) {
			assertThat(found).hasValue(centre + offset);
		}
	}

	@Property(tries = 300)
	void findMatchWhenCodeOfAStepOutsideTheWindowThenNothing(@ForAll @Size(min = 16, max = 64) byte[] key,
			@ForAll HashFunction hashFunction, @ForAll @LongRange(min = RADIUS, max = 1L << 40) long centre,
			@ForAll @IntRange(min = RADIUS + 1, max = 100) int distance, @ForAll boolean before) {
		OtpGenerator generator = OtpGenerator.of(key, new OtpParameters(hashFunction, 6));
		String typed = generator.codeAt(before ? centre - distance : centre + distance);
		OptionalLong found = generator.findMatch(OtpCode.parse(typed), CodeWindow.around(centre, RADIUS));
		if (occurrences(generator, typed, centre) == 0) {
			assertThat(found).isEmpty();
		}
	}

	// A 6-digit code recurs by chance about once in 200,000 windows of five; then the
	// nearest match may rightly be another step.
	private static int occurrences(OtpGenerator generator, String code, long centre) {
		int count = 0;
		for (long step = centre - RADIUS; step <= centre + RADIUS; step++) {
			count += generator.codeAt(step).equals(code) ? 1 : 0;
		}
		return count;
	}

}
