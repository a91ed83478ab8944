package io.keyfob.seedimport.pskc;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * XML Encryption's AES-CBC (RFC 6030 §6.1): the CipherValue is the 16-byte IV followed by
 * the ciphertext; the padding is XML Encryption's, where only the last byte counts (it
 * gives the padding length), so Java's {@code PKCS5Padding}, which also checks the other
 * padding bytes, would refuse valid files.
 */
final class AesCbc {

	private static final int BLOCK = 16;

	private AesCbc() {
	}

	/**
	 * Returns the key length an algorithm URI needs.
	 * @param uri an {@code xenc:EncryptionMethod} algorithm
	 * @return 16, 24 or 32, or 0 if the algorithm is not AES-CBC
	 */
	static int keyLength(@Nullable String uri) {
		if (uri == null) {
			return 0;
		}
		switch (uri) {
			case Pskc.XENC + "aes128-cbc":
				return 16;
			case Pskc.XENC + "aes192-cbc":
				return 24;
			case Pskc.XENC + "aes256-cbc":
				return 32;
			default:
				return 0;
		}
	}

	/**
	 * Decrypts an IV-prefixed ciphertext.
	 * @param key the AES key, of the length the algorithm needs
	 * @param ivAndCiphertext the decoded CipherValue
	 * @param what what is being decrypted, for the failure message
	 * @return the plaintext
	 * @throws CryptoFailure if the length or the padding is wrong
	 */
	static byte[] decrypt(byte[] key, byte[] ivAndCiphertext, String what) throws CryptoFailure {
		int length = ivAndCiphertext.length;
		if (length < 2 * BLOCK || length % BLOCK != 0) {
			throw CryptoFailure.undecryptable(what);
		}
		byte[] padded;
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
					new IvParameterSpec(ivAndCiphertext, 0, BLOCK));
			padded = cipher.doFinal(ivAndCiphertext, BLOCK, length - BLOCK);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-CBC is part of every JDK", ex);
		}
		int padding = padded[padded.length - 1] & 0xFF;
		if (padding < 1 || padding > BLOCK) {
			Arrays.fill(padded, (byte) 0);
			throw CryptoFailure.undecryptable(what);
		}
		byte[] plaintext = Arrays.copyOf(padded, padded.length - padding);
		Arrays.fill(padded, (byte) 0);
		return plaintext;
	}

}
