package io.keyfob.seedimport.pskc;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.keyfob.seedimport.MacCheck;
import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.SeedFileRejected;
import io.keyfob.seedimport.SeedFileRejected.Problem;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * The keys of an encrypted container and the opening of its encrypted values (RFC 6030
 * §6.1 and §6.2): the encryption key is the pre-shared key or derived from the password;
 * the MAC key is decrypted with it from {@code MACMethod/MACKey}. Each value's MAC is
 * checked over IV and ciphertext before anything is decrypted (encrypt-then-MAC).
 * <p>
 * Counts what opened and what failed, because a wrong key shows as every value failing.
 */
final class ContainerKeys implements AutoCloseable {

	private final byte[] encryptionKey;

	private final String keySource;

	private final @Nullable Mac mac;

	private int opened;

	private int failed;

	private ContainerKeys(byte[] encryptionKey, String keySource, @Nullable Mac mac) {
		this.encryptionKey = encryptionKey;
		this.keySource = keySource;
		this.mac = mac;
	}

	/**
	 * Sets up the keys of a container.
	 * @param container the {@code KeyContainer} element
	 * @param options the key or password and the MAC check
	 * @return the keys, or {@code null} if the container holds no encrypted value
	 * @throws SeedFileRejected if a key is missing or wrong, or the file uses something
	 * Keyfob does not support
	 */
	static @Nullable ContainerKeys of(Element container, ReadOptions options) {
		if (container.getElementsByTagNameNS(Pskc.NS, "EncryptedValue").getLength() == 0) {
			return null;
		}
		Element encryptionKey = Dom.child(container, Pskc.NS, "EncryptionKey");
		if (encryptionKey == null) {
			throw new SeedFileRejected(Problem.MALFORMED,
					"This PSKC file has encrypted values but no EncryptionKey that says how they were encrypted");
		}
		ContainerKeys keys = EncryptionKeys.resolve(encryptionKey, options);
		if (options.macCheck() == MacCheck.SKIP) {
			return keys;
		}
		try {
			Element macMethod = Dom.child(container, Pskc.NS, "MACMethod");
			if (macMethod == null) {
				throw new SeedFileRejected(Problem.MAC_FAILED, "This file's encrypted values carry no MACs (it has "
						+ "no MACMethod), so a wrong key or a changed file would go unnoticed: read it without MAC "
						+ "checks only if you trust it");
			}
			return keys.withMac(macMethod);
		}
		catch (RuntimeException ex) {
			keys.close();
			throw ex;
		}
	}

	static ContainerKeys of(byte[] encryptionKey, String keySource) {
		return new ContainerKeys(encryptionKey, keySource, null);
	}

	/**
	 * Checks the MAC of an encrypted value and decrypts it.
	 * @param encryptedValue an {@code EncryptedValue} element
	 * @param valueMac its {@code ValueMAC} sibling, if any
	 * @param what what the value is, for messages, such as {@code secret}
	 * @return the plaintext
	 * @throws CryptoFailure if the MAC does not match or the value does not decrypt
	 * @throws IllegalArgumentException with a row error reason if the value cannot be
	 * opened for another reason
	 */
	byte[] open(Element encryptedValue, @Nullable Element valueMac, String what) throws CryptoFailure {
		byte[] ivAndCiphertext = cipherValue(encryptedValue, what);
		try {
			if (this.mac != null) {
				checkMac(ivAndCiphertext, valueMac, what);
			}
			byte[] plaintext = AesCbc.decrypt(this.encryptionKey, ivAndCiphertext, what);
			this.opened++;
			return plaintext;
		}
		catch (CryptoFailure ex) {
			this.failed++;
			throw ex;
		}
	}

	/**
	 * Tells whether every encrypted value failed, which means the key is wrong.
	 * @return {@code true} if values were tried and none opened
	 */
	boolean nothingOpened() {
		return this.opened == 0 && this.failed > 0;
	}

	@Override
	public void close() {
		Arrays.fill(this.encryptionKey, (byte) 0);
	}

	private ContainerKeys withMac(Element macMethod) {
		String algorithm = Dom.attribute(macMethod, "Algorithm");
		String jcaName = (algorithm != null) ? Pskc.hmacJcaName(algorithm) : null;
		if (jcaName == null) {
			throw new SeedFileRejected(Problem.UNSUPPORTED, "This file's MACs use " + algorithm
					+ ", which Keyfob does not support: it checks HMAC-SHA1, -SHA224, -SHA256, -SHA384 and -SHA512");
		}
		// Files without a MACKey use the encryption key (seen in the wild; python-pskc
		// reads them).
		Element macKeyElement = Dom.child(macMethod, Pskc.NS, "MACKey");
		byte[] macKey = (macKeyElement != null) ? decryptMacKey(macKeyElement) : this.encryptionKey.clone();
		try {
			Mac mac = Mac.getInstance(jcaName);
			mac.init(new SecretKeySpec(macKey, jcaName));
			return new ContainerKeys(this.encryptionKey, this.keySource, mac);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(jcaName + " is part of every JDK", ex);
		}
		finally {
			Arrays.fill(macKey, (byte) 0);
		}
	}

	private byte[] decryptMacKey(Element macKey) {
		try {
			byte[] key = AesCbc.decrypt(this.encryptionKey, cipherValue(macKey, "MAC key"), "MAC key");
			if (key.length == 0) {
				// a whole block of padding: what a wrong key yields now and then
				throw CryptoFailure.undecryptable("MAC key");
			}
			return key;
		}
		catch (CryptoFailure ex) {
			throw new SeedFileRejected(Problem.WRONG_KEY, PskcSeedReader.WRONG_KEY);
		}
		catch (IllegalArgumentException ex) {
			throw new SeedFileRejected(Problem.MALFORMED, "This file's MACKey cannot be read: " + ex.getMessage());
		}
	}

	private void checkMac(byte[] ivAndCiphertext, @Nullable Element valueMac, String what) throws CryptoFailure {
		String expected = (valueMac != null) ? Dom.text(valueMac) : null;
		if (expected == null) {
			throw new IllegalArgumentException("the " + what + " has no ValueMAC, so it cannot be checked");
		}
		byte[] computed = this.mac.doFinal(ivAndCiphertext);
		if (!MessageDigest.isEqual(base64(expected, "ValueMAC of the " + what), computed)) {
			throw CryptoFailure.macMismatch();
		}
	}

	/**
	 * Reads the IV-prefixed ciphertext of an {@code EncryptedValue} or {@code MACKey} and
	 * checks that the encryption key fits its algorithm.
	 */
	private byte[] cipherValue(Element encrypted, String what) {
		Element method = Dom.child(encrypted, Pskc.XENC, "EncryptionMethod");
		String algorithm = (method != null) ? Dom.attribute(method, "Algorithm") : null;
		int keyLength = AesCbc.keyLength(algorithm);
		if (keyLength == 0) {
			throw new IllegalArgumentException("the " + what + " is encrypted with " + algorithm
					+ ", which Keyfob does not support: use AES-128-CBC, AES-192-CBC or AES-256-CBC");
		}
		if (keyLength != this.encryptionKey.length) {
			throw new SeedFileRejected(Problem.WRONG_KEY,
					"This file is encrypted with AES-" + (keyLength * 8) + "-CBC, which takes a " + keyLength
							+ "-byte key; the " + this.keySource + " has " + this.encryptionKey.length + " bytes");
		}
		String text = Dom.childText(Dom.child(encrypted, Pskc.XENC, "CipherData"), Pskc.XENC, "CipherValue");
		if (text == null) {
			throw new IllegalArgumentException("the " + what + " has no CipherValue");
		}
		return base64(text, "CipherValue of the " + what);
	}

	private static byte[] base64(String text, String what) {
		try {
			return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the " + what + " is not valid base64");
		}
	}

}
