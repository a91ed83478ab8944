package io.keyfob.shared.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens secrets (token seeds, signing keys) with AES-256-GCM under the master
 * key. Each secret is bound to a context, for example the id of the token that owns a
 * seed: it is the associated data, so a ciphertext copied into another row does not open.
 * Thread-safe.
 */
public final class SecretSealer {

	private static final int NONCE_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private final MasterKeyring keyring;

	private final SecureRandom random = new SecureRandom();

	public SecretSealer(MasterKeyring keyring) {
		this.keyring = keyring;
	}

	/**
	 * Seal a secret under the current master key.
	 * @param plaintext the secret; the caller should zero it afterwards
	 * @param context what the secret belongs to, for example {@code "seed:" + tokenId};
	 * not secret
	 * @return the sealed secret
	 */
	public SealedSecret seal(byte[] plaintext, String context) {
		MasterKey key = this.keyring.current();
		byte[] nonce = new byte[NONCE_LENGTH];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData(context));
			return new SealedSecret(key.id(), nonce, cipher.doFinal(plaintext));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available on this Java platform", ex);
		}
	}

	/**
	 * Open a sealed secret.
	 * @param sealed the sealed secret
	 * @param context the context it was sealed for
	 * @return the plaintext; the caller must zero it after use
	 * @throws SecretIntegrityException if the ciphertext was changed, belongs to another
	 * context, or was sealed under a master key that is not configured
	 */
	public byte[] open(SealedSecret sealed, String context) {
		MasterKey key = this.keyring.byId(sealed.keyId());
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
			cipher.updateAAD(associatedData(context));
			return cipher.doFinal(sealed.ciphertext());
		}
		catch (AEADBadTagException ex) {
			throw SecretIntegrityException.forContext(context);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available on this Java platform", ex);
		}
	}

	/**
	 * Seal an already sealed secret again under the current master key, for key rotation.
	 * @param sealed the sealed secret
	 * @param context the context it was sealed for
	 * @return the secret sealed under the current key
	 */
	public SealedSecret reseal(SealedSecret sealed, String context) {
		byte[] plaintext = open(sealed, context);
		try {
			return seal(plaintext, context);
		}
		finally {
			Arrays.fill(plaintext, (byte) 0);
		}
	}

	private static byte[] associatedData(String context) {
		return ("keyfob:v1:" + context).getBytes(StandardCharsets.UTF_8);
	}

}
