package io.keyfob.shared.secret;

/**
 * A secret as it is stored: AES-256-GCM ciphertext (with its tag), the 96-bit nonce, and
 * the id of the master key that sealed it. Holds no plaintext, so it may travel to and
 * from the database.
 *
 * @param keyId id of the master key, see {@link MasterKey#id()}
 * @param nonce the random 12-byte GCM nonce
 * @param ciphertext ciphertext followed by the 16-byte authentication tag
 */
public record SealedSecret(String keyId, byte[] nonce, byte[] ciphertext) {

	@Override
	public String toString() {
		return "SealedSecret[keyId=" + this.keyId + "]";
	}

}
