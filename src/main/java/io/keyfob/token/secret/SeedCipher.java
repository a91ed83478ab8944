package io.keyfob.token.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens token seeds with AES-256-GCM. The token id is the associated data, so a
 * ciphertext copied into another token's row does not open. Thread-safe.
 */
public final class SeedCipher {

	private static final int NONCE_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private final MasterKeyring keyring;

	private final SecureRandom random = new SecureRandom();

	public SeedCipher(MasterKeyring keyring) {
		this.keyring = keyring;
	}

	/**
	 * Seal a seed for one token under the current master key.
	 * @param tokenId the token the seed belongs to
	 * @param seed the plaintext seed; the caller should zero it afterwards
	 * @return the sealed seed
	 */
	public SealedSeed seal(UUID tokenId, byte[] seed) {
		MasterKey key = this.keyring.current();
		byte[] nonce = new byte[NONCE_LENGTH];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData(tokenId));
			return new SealedSeed(key.id(), nonce, cipher.doFinal(seed));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available on this Java platform", ex);
		}
	}

	/**
	 * Open a sealed seed of one token.
	 * @param tokenId the token the seed was sealed for
	 * @param sealed the sealed seed
	 * @return the plaintext seed; the caller must zero it after use
	 * @throws SeedIntegrityException if the ciphertext was changed, belongs to another
	 * token, or the master key is not the one that sealed it
	 */
	public byte[] open(UUID tokenId, SealedSeed sealed) {
		MasterKey key = this.keyring.byId(sealed.keyId());
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
			cipher.updateAAD(associatedData(tokenId));
			return cipher.doFinal(sealed.ciphertext());
		}
		catch (AEADBadTagException ex) {
			throw SeedIntegrityException.forToken(tokenId);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available on this Java platform", ex);
		}
	}

	private static byte[] associatedData(UUID tokenId) {
		return ("keyfob-seed:v1:" + tokenId).getBytes(StandardCharsets.US_ASCII);
	}

}
