package io.keyfob.otp;

import java.util.Locale;

import javax.crypto.Mac;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class HashFunctionTests {

	@ParameterizedTest
	@CsvSource({ "hmacsha1, HMAC_SHA1", "HMACSHA256, HMAC_SHA256", "HmacSha512, HMAC_SHA512" })
	void fromGraphNameWhenAnyCaseThenConstant(String graphName, HashFunction expected) {
		assertThat(HashFunction.fromGraphName(graphName)).isEqualTo(expected);
	}

	@ParameterizedTest
	@EnumSource(HashFunction.class)
	void fromGraphNameWhenGraphNameThenSameConstant(HashFunction hashFunction) {
		assertThat(HashFunction.fromGraphName(hashFunction.graphName())).isSameAs(hashFunction);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "sha1", "hmac-sha1", "HMAC_SHA1", " hmacsha1" })
	void fromGraphNameWhenUnknownThenListsAllowedValues(String graphName) {
		assertThatIllegalArgumentException().isThrownBy(() -> HashFunction.fromGraphName(graphName))
			.withMessage("Unknown hash function; allowed values are hmacsha1, hmacsha256 and hmacsha512");
	}

	@Test
	void fromGraphNameWhenTurkishDefaultLocaleThenStillMatches() {
		// in Turkish, upper-case I lower-cases to a dotless i unless Locale.ROOT is used
		Locale previous = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("tr-TR"));
		try {
			assertThat(HashFunction.fromGraphName("HMACSHA1")).isSameAs(HashFunction.HMAC_SHA1);
		}
		finally {
			Locale.setDefault(previous);
		}
	}

	@Test
	void fromGraphNameWhenNullThenNamesTheArgument() {
		assertThatNullPointerException().isThrownBy(() -> HashFunction.fromGraphName(null))
			.withMessage("graphName must not be null");
	}

	@ParameterizedTest
	@CsvSource({ "HMAC_SHA1, hmacsha1, HmacSHA1, 20", "HMAC_SHA256, hmacsha256, HmacSHA256, 32",
			"HMAC_SHA512, hmacsha512, HmacSHA512, 64" })
	void namesWhenRequestedThenGraphAndJcaNames(HashFunction hashFunction, String graphName, String jcaName,
			int macLength) throws Exception {
		assertThat(hashFunction.graphName()).isEqualTo(graphName);
		assertThat(hashFunction.jcaName()).isEqualTo(jcaName);
		assertThat(Mac.getInstance(hashFunction.jcaName()).getMacLength()).isEqualTo(macLength);
	}

}
