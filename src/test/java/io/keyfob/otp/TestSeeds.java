package io.keyfob.otp;

import java.nio.charset.StandardCharsets;

/**
 * The shared secrets of the RFC test vectors.
 */
final class TestSeeds {

	private static final String DIGITS = "1234567890";

	private TestSeeds() {
	}

	/**
	 * The RFC 4226 Appendix D secret, ASCII {@code 12345678901234567890} (20 bytes).
	 */
	static byte[] rfc4226() {
		return ascii(20);
	}

	/**
	 * The RFC 6238 seed for a hash function: the Appendix A reference code repeats
	 * {@code 1234567890} to the MAC length (20, 32 or 64 bytes), although Appendix B
	 * names only the 20-byte one.
	 */
	static byte[] rfc6238(HashFunction hashFunction) {
		return switch (hashFunction) {
			case HMAC_SHA1 -> ascii(20);
			case HMAC_SHA256 -> ascii(32);
			case HMAC_SHA512 -> ascii(64);
		};
	}

	private static byte[] ascii(int length) {
		return DIGITS.repeat(7).substring(0, length).getBytes(StandardCharsets.US_ASCII);
	}

}
