package io.keyfob.seedimport;

import java.nio.charset.StandardCharsets;

import io.keyfob.otp.HashFunction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The rules every seed record obeys, whatever file it came from.
 */
class SeedRecordTests {

	private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void constructorWhenValidThenTrimsTextAndDropsBlanks() {
		SeedRecord record = new SeedRecord(Location.line(2), "  SN1 ", RFC_SEED.clone(), SeedOtpType.TOTP,
				HashFunction.HMAC_SHA1, 6, 30, 0, -1, " Acme ", "", null, " helga@example.com ");

		assertThat(record.serialNumber()).isEqualTo("SN1");
		assertThat(record.manufacturer()).isEqualTo("Acme");
		assertThat(record.model()).isNull();
		assertThat(record.owner()).isEqualTo("helga@example.com");
		assertThat(record.driftSteps()).isEqualTo(-1);
	}

	@Test
	void constructorWhenSecretTooShortThenExplainsTheMinimum() {
		assertThatIllegalArgumentException().isThrownBy(() -> totp(new byte[10], 6, 30))
			.withMessage("the secret is 10 bytes long; at least 16 bytes (128 bits) are required (RFC 4226)");
	}

	@Test
	void constructorWhenSecretTooLongThenExplainsTheMaximum() {
		assertThatIllegalArgumentException().isThrownBy(() -> totp(new byte[81], 6, 30))
			.withMessage("the secret is 81 bytes long; at most 80 bytes (128 Base32 characters) are allowed");
	}

	@Test
	void constructorWhenDigitsOutOfRangeThenNamesTheAllowedValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> totp(new byte[20], 5, 30))
			.withMessage("5 digits are not allowed: use 6, 7 or 8");
		assertThatIllegalArgumentException().isThrownBy(() -> totp(new byte[20], 9, 30))
			.withMessage("9 digits are not allowed: use 6, 7 or 8");
	}

	@Test
	void constructorWhenTimeIntervalNotThirtyOrSixtyThenRefuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> totp(new byte[20], 6, 45))
			.withMessage("time interval 45 is not allowed: use 30 or 60");
		assertThat(totp(new byte[20], 8, 60).timeIntervalSeconds()).isEqualTo(60);
	}

	@Test
	void constructorWhenCounterNegativeThenRefuses() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SeedRecord(Location.line(2), "SN1", new byte[20], SeedOtpType.HOTP,
					HashFunction.HMAC_SHA1, 6, 0, -1, 0, null, null, null, null))
			.withMessage("counter -1 is not allowed: use 0 or more");
	}

	@Test
	void constructorWhenSerialNumberBlankOrLongThenRefuses() {
		assertThatIllegalArgumentException().isThrownBy(() -> withSerial(" ")).withMessage("serial number is empty");
		assertThatIllegalArgumentException().isThrownBy(() -> withSerial("x".repeat(257)))
			.withMessage("serial number is longer than 256 characters");
		assertThat(withSerial("x".repeat(256)).serialNumber()).hasSize(256);
	}

	@Test
	void toStringShowsTheSecretLengthOnly() {
		SeedRecord record = totp(RFC_SEED.clone(), 6, 30);

		assertThat(record.toString()).contains("secret=(20 bytes)")
			.doesNotContain("12345678901234567890", "3132333435", "GEZDGNBV", "MTIzNDU2");
	}

	@Test
	void clearOverwritesTheSecretItWasGiven() {
		byte[] secret = RFC_SEED.clone();
		SeedRecord record = totp(secret, 6, 30);

		record.clear();

		assertThat(secret).containsOnly(0);
		assertThat(record.secret()).isSameAs(secret);
	}

	private static SeedRecord totp(byte[] secret, int digits, int interval) {
		return new SeedRecord(Location.line(2), "SN1", secret, SeedOtpType.TOTP, HashFunction.HMAC_SHA1, digits,
				interval, 0, 0, null, null, null, null);
	}

	private static SeedRecord withSerial(String serialNumber) {
		return new SeedRecord(Location.line(2), serialNumber, new byte[20], SeedOtpType.TOTP, HashFunction.HMAC_SHA1, 6,
				30, 0, 0, null, null, null, null);
	}

}
