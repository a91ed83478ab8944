package io.keyfob.shared.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit key-encryption key and its public id. The id is derived from the key (an HMAC
 * of a fixed label), so a start with the wrong key shows up as an unknown id before any
 * seed is opened.
 */
public final class MasterKey {

	static final int LENGTH = 32;

	private final SecretKey key;

	private final String id;

	MasterKey(byte[] material) {
		if (material.length != LENGTH) {
			throw new IllegalArgumentException(
					"A master key is 32 bytes (256 bits); the one configured has " + material.length + " bytes");
		}
		this.key = new SecretKeySpec(material, "AES");
		this.id = deriveId(material);
	}

	public String id() {
		return this.id;
	}

	SecretKey secretKey() {
		return this.key;
	}

	private static String deriveId(byte[] material) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(material, "HmacSHA256"));
			byte[] digest = mac.doFinal("keyfob master key id".getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new AssertionError("HmacSHA256 is required of every Java platform", ex);
		}
	}

	@Override
	public String toString() {
		return "MasterKey[id=" + this.id + "]";
	}

}
