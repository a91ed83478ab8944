package io.keyfob.seedimport.pskc;

import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * The values in a key's {@code Data} element. Each is a {@code PlainValue} or an
 * {@code EncryptedValue} with a {@code ValueMAC}; Keyfob decrypts the secret and expects
 * the other values in plain text, as every vendor file seen writes them.
 * <p>
 * Methods throw {@link IllegalArgumentException} with a row error reason.
 */
final class KeyData {

	private static final int MAX_QUOTED_LENGTH = 16;

	private final @Nullable Element data;

	private final @Nullable ContainerKeys keys;

	KeyData(@Nullable Element data, @Nullable ContainerKeys keys) {
		this.data = data;
		this.keys = keys;
	}

	/**
	 * Returns the secret, decrypted if need be.
	 * @return the secret bytes
	 * @throws CryptoFailure if its MAC fails or it does not decrypt
	 */
	byte[] secret() throws CryptoFailure {
		Element secret = Dom.child(this.data, Pskc.NS, "Secret");
		if (secret == null) {
			throw new IllegalArgumentException("no secret (the key has no Data/Secret)");
		}
		String plain = Dom.childText(secret, Pskc.NS, "PlainValue");
		if (plain != null) {
			try {
				return Base64.getDecoder().decode(plain.replaceAll("\\s", ""));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("the secret's PlainValue is not valid base64");
			}
		}
		Element encrypted = Dom.child(secret, Pskc.NS, "EncryptedValue");
		if (encrypted == null || this.keys == null) {
			throw new IllegalArgumentException("no secret (Secret has neither a PlainValue nor an EncryptedValue)");
		}
		return this.keys.open(encrypted, Dom.child(secret, Pskc.NS, "ValueMAC"), "secret");
	}

	/**
	 * Returns a whole-number value such as {@code Counter}.
	 * @param name the element name
	 * @return the value, or {@code null} if the element is missing
	 */
	@Nullable Long number(String name) {
		Element element = Dom.child(this.data, Pskc.NS, name);
		if (element == null) {
			return null;
		}
		if (Dom.child(element, Pskc.NS, "EncryptedValue") != null) {
			throw new IllegalArgumentException("an encrypted " + name + " is not supported");
		}
		String text = Dom.childText(element, Pskc.NS, "PlainValue");
		if (text == null || !text.matches("[-+]?[0-9]{1,18}")) {
			throw new IllegalArgumentException(name + " " + quote(text) + " is not a whole number");
		}
		return Long.parseLong(text);
	}

	/**
	 * Returns a whole-number value that must fit an {@code int}, such as
	 * {@code TimeDrift}.
	 * @param name the element name
	 * @return the value, or {@code null} if the element is missing
	 */
	@Nullable Integer smallNumber(String name) {
		Long value = number(name);
		if (value == null) {
			return null;
		}
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(name + " " + value + " is out of range");
		}
		return value.intValue();
	}

	static String quote(@Nullable String text) {
		if (text == null) {
			return "(empty)";
		}
		return (text.length() <= MAX_QUOTED_LENGTH) ? "'" + text + "'" : "(a " + text.length() + "-character value)";
	}

}
