package io.keyfob.token;

import java.util.Arrays;

import io.keyfob.otp.Base32;
import io.keyfob.otp.Hex;
import io.keyfob.otp.InvalidEncodingException;

/**
 * A token seed on its way into the inventory. Validates its length (RFC 4226 R6: at least
 * 128 bits; at most 80 bytes, which is Entra's 128 Base32 characters) and never shows
 * itself.
 */
public final class TokenSecret {

	static final int MIN_BYTES = 16;

	static final int MAX_BYTES = 80;

	private final byte[] bytes;

	private TokenSecret(byte[] bytes) {
		if (bytes.length < MIN_BYTES) {
			Arrays.fill(bytes, (byte) 0);
			throw new InvalidTokenException("secretKey", "the secret is " + bytes.length * 8
					+ " bits long; a token secret must have at least 128 bits (26 Base32 characters)");
		}
		if (bytes.length > MAX_BYTES) {
			Arrays.fill(bytes, (byte) 0);
			throw new InvalidTokenException("secretKey",
					"the secret is longer than 80 bytes (128 Base32 characters), the most Keyfob accepts");
		}
		this.bytes = bytes;
	}

	/**
	 * A secret given in Base32, as Graph and the Entra CSV give it.
	 * @param base32 the secret; case, spaces, hyphens and padding are tolerated
	 * @return the secret
	 * @throws InvalidTokenException naming the first bad character and its position
	 */
	public static TokenSecret fromBase32(String base32) {
		if (base32.isBlank()) {
			throw new InvalidTokenException("secretKey",
					"the secret key is required (Base32, as printed by the vendor)");
		}
		try {
			return new TokenSecret(Base32.decode(base32));
		}
		catch (InvalidEncodingException ex) {
			throw new InvalidTokenException("secretKey", ex.getMessage());
		}
	}

	/**
	 * A secret given in hex, as many vendor seed files give it.
	 * @param hex the secret in hexadecimal
	 * @return the secret
	 */
	public static TokenSecret fromHex(String hex) {
		try {
			return new TokenSecret(Hex.decode(hex));
		}
		catch (InvalidEncodingException ex) {
			throw new InvalidTokenException("secretKey", ex.getMessage());
		}
	}

	/**
	 * A secret given as raw bytes, for example decrypted from a PSKC file. The bytes are
	 * copied.
	 * @param bytes the secret
	 * @return the secret
	 */
	public static TokenSecret of(byte[] bytes) {
		return new TokenSecret(bytes.clone());
	}

	byte[] bytes() {
		return this.bytes;
	}

	/**
	 * Overwrite the secret in memory once it is sealed.
	 */
	public void destroy() {
		Arrays.fill(this.bytes, (byte) 0);
	}

	@Override
	public String toString() {
		return "TokenSecret[hidden]";
	}

}
