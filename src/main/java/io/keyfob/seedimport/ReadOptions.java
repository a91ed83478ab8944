package io.keyfob.seedimport;

import java.util.Objects;

import io.keyfob.otp.Hex;
import io.keyfob.otp.InvalidEncodingException;
import org.jspecify.annotations.Nullable;

/**
 * How to read a seed file. Start from {@link #defaults()} and change what you need:
 * <pre>{@code
 * ReadOptions options = ReadOptions.defaults().withPreSharedKeyHex("12345678901234567890123456789012");
 * }</pre>
 * <p>
 * The key and password arrays are not copied: the caller owns them and should overwrite
 * them once the file has been read. {@link #toString()} never shows them.
 *
 * @param format the format to read, or {@code null} to detect it from the content
 * @param secretEncoding how a vendor CSV without an {@code encoding} column writes its
 * secrets; other formats fix their own encoding
 * @param preSharedKey the AES key of a PSKC file encrypted with a pre-shared key (RFC
 * 6030 §6.1), or {@code null}
 * @param password the password of a PSKC file encrypted with PBKDF2 (RFC 6030 §6.2), or
 * {@code null}
 * @param macCheck what to do with PSKC MACs
 * @param maxRows the most token rows to accept before rejecting the file
 */
public record ReadOptions(@Nullable SeedFileFormat format, SecretEncoding secretEncoding,
		byte @Nullable [] preSharedKey, char @Nullable [] password, MacCheck macCheck, int maxRows) {

	public ReadOptions {
		Objects.requireNonNull(secretEncoding, "secretEncoding must not be null");
		Objects.requireNonNull(macCheck, "macCheck must not be null");
		if (maxRows < 1) {
			throw new IllegalArgumentException("maxRows must be 1 or more");
		}
	}

	/**
	 * Returns the defaults: detect the format, Base32 vendor secrets, no key, check MACs
	 * per key, at most {@value SeedRules#DEFAULT_MAX_ROWS} rows.
	 * @return the default options
	 */
	public static ReadOptions defaults() {
		return new ReadOptions(null, SecretEncoding.BASE32, null, null, MacCheck.REJECT_KEY,
				SeedRules.DEFAULT_MAX_ROWS);
	}

	/**
	 * Returns these options reading the given format instead of detecting it.
	 * @param format the format, or {@code null} to detect it
	 * @return the changed options
	 */
	public ReadOptions withFormat(@Nullable SeedFileFormat format) {
		return new ReadOptions(format, this.secretEncoding, this.preSharedKey, this.password, this.macCheck,
				this.maxRows);
	}

	/**
	 * Returns these options with another encoding for vendor CSV secrets.
	 * @param secretEncoding the encoding
	 * @return the changed options
	 */
	public ReadOptions withSecretEncoding(SecretEncoding secretEncoding) {
		return new ReadOptions(this.format, secretEncoding, this.preSharedKey, this.password, this.macCheck,
				this.maxRows);
	}

	/**
	 * Returns these options with a PSKC pre-shared key.
	 * @param preSharedKey the key bytes (16, 24 or 32 for AES), not copied
	 * @return the changed options
	 */
	public ReadOptions withPreSharedKey(byte[] preSharedKey) {
		Objects.requireNonNull(preSharedKey, "preSharedKey must not be null");
		return new ReadOptions(this.format, this.secretEncoding, preSharedKey, this.password, this.macCheck,
				this.maxRows);
	}

	/**
	 * Returns these options with a PSKC pre-shared key given as hex, the way vendors hand
	 * it out.
	 * @param hex the key as hex digits; spaces are ignored
	 * @return the changed options
	 * @throws IllegalArgumentException if the text is not hex; the message does not
	 * repeat any of it
	 */
	public ReadOptions withPreSharedKeyHex(CharSequence hex) {
		try {
			return withPreSharedKey(Hex.decode(hex));
		}
		catch (InvalidEncodingException ex) {
			// no cause: its message names a character of the key
			throw new IllegalArgumentException(
					"The pre-shared key must be given as hex digits (0-9, a-f), two per byte");
		}
	}

	/**
	 * Returns these options with a PSKC password.
	 * @param password the password, not copied
	 * @return the changed options
	 */
	public ReadOptions withPassword(char[] password) {
		Objects.requireNonNull(password, "password must not be null");
		return new ReadOptions(this.format, this.secretEncoding, this.preSharedKey, password, this.macCheck,
				this.maxRows);
	}

	/**
	 * Returns these options with another MAC check.
	 * @param macCheck what to do with PSKC MACs
	 * @return the changed options
	 */
	public ReadOptions withMacCheck(MacCheck macCheck) {
		return new ReadOptions(this.format, this.secretEncoding, this.preSharedKey, this.password, macCheck,
				this.maxRows);
	}

	/**
	 * Returns these options with another row limit.
	 * @param maxRows the most token rows to accept
	 * @return the changed options
	 */
	public ReadOptions withMaxRows(int maxRows) {
		return new ReadOptions(this.format, this.secretEncoding, this.preSharedKey, this.password, this.macCheck,
				maxRows);
	}

	@Override
	public String toString() {
		return "ReadOptions[format=" + this.format + ", secretEncoding=" + this.secretEncoding + ", preSharedKey="
				+ ((this.preSharedKey != null) ? "(given)" : "(none)") + ", password="
				+ ((this.password != null) ? "(given)" : "(none)") + ", macCheck=" + this.macCheck + ", maxRows="
				+ this.maxRows + "]";
	}

}
