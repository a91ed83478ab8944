package io.keyfob.seedimport.pskc;

/**
 * An encrypted value that failed its MAC check or did not decrypt. Either the file was
 * changed or the key is wrong; when every value of a file fails, it is the key.
 */
final class CryptoFailure extends Exception {

	private static final long serialVersionUID = 1L;

	private final boolean mac;

	private CryptoFailure(String message, boolean mac) {
		super(message, null, false, false);
		this.mac = mac;
	}

	static CryptoFailure macMismatch() {
		return new CryptoFailure("MAC check failed: the file was changed or the key is wrong", true);
	}

	static CryptoFailure undecryptable(String what) {
		return new CryptoFailure("the " + what + " does not decrypt: the file was changed or the key is wrong", false);
	}

	/**
	 * Tells whether the MAC check failed, as opposed to the decryption.
	 * @return {@code true} for a MAC mismatch
	 */
	boolean isMacFailure() {
		return this.mac;
	}

}
