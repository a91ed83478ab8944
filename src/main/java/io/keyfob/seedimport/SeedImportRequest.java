package io.keyfob.seedimport;

import java.util.Arrays;
import java.util.Objects;

import io.keyfob.otp.Hex;
import io.keyfob.otp.InvalidEncodingException;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import org.jspecify.annotations.Nullable;

/**
 * What to import and how. Start from {@link #defaults()} and change what you need:
 * <pre>{@code
 * SeedImportRequest request = SeedImportRequest.defaults().withFileName("tokens.pskcxml")
 * 	.withPassword(password)
 * 	.withDryRun(true);
 * }</pre>
 * <p>
 * The key and password arrays are not copied; {@link SeedImports#start} overwrites them
 * once the file is read. {@link #toString()} never shows them.
 *
 * @param fileName the uploaded file's name, for the report, or {@code null}
 * @param format the format, or {@code null} to detect it from the content
 * @param secretEncoding how a vendor CSV without an {@code encoding} column writes
 * secrets
 * @param preSharedKey the AES key of a PSKC file encrypted with a pre-shared key, or
 * {@code null}
 * @param password the password of a PSKC file encrypted with PBKDF2, or {@code null}
 * @param macCheck what to do with PSKC MACs
 * @param dryRun check the whole file and report what would happen, store nothing
 * @param allOrNothing store nothing if any row is rejected
 * @param replace overwrite unassigned tokens whose serial number is already in the
 * inventory with another secret or other settings
 * @param manufacturer the manufacturer of tokens for which the file names none, or
 * {@code null}
 * @param model the model of tokens for which the file names none, or {@code null}
 */
public record SeedImportRequest(@Nullable String fileName, @Nullable SeedFileFormat format,
		SecretEncoding secretEncoding, byte @Nullable [] preSharedKey, char @Nullable [] password, MacCheck macCheck,
		boolean dryRun, boolean allOrNothing, boolean replace, @Nullable String manufacturer, @Nullable String model) {

	public SeedImportRequest {
		Objects.requireNonNull(secretEncoding, "secretEncoding must not be null");
		Objects.requireNonNull(macCheck, "macCheck must not be null");
	}

	/**
	 * Returns the defaults: no file name, detect the format, Base32 vendor secrets, no
	 * key, check MACs per key, store what is valid, never overwrite.
	 * @return the default request
	 */
	public static SeedImportRequest defaults() {
		return new SeedImportRequest(null, null, SecretEncoding.BASE32, null, null, MacCheck.REJECT_KEY, false, false,
				false, null, null);
	}

	public SeedImportRequest withFileName(@Nullable String fileName) {
		return new SeedImportRequest(fileName, this.format, this.secretEncoding, this.preSharedKey, this.password,
				this.macCheck, this.dryRun, this.allOrNothing, this.replace, this.manufacturer, this.model);
	}

	public SeedImportRequest withFormat(@Nullable SeedFileFormat format) {
		return new SeedImportRequest(this.fileName, format, this.secretEncoding, this.preSharedKey, this.password,
				this.macCheck, this.dryRun, this.allOrNothing, this.replace, this.manufacturer, this.model);
	}

	public SeedImportRequest withSecretEncoding(SecretEncoding secretEncoding) {
		return new SeedImportRequest(this.fileName, this.format, secretEncoding, this.preSharedKey, this.password,
				this.macCheck, this.dryRun, this.allOrNothing, this.replace, this.manufacturer, this.model);
	}

	/**
	 * Returns this request with a PSKC pre-shared key.
	 * @param preSharedKey the key bytes, not copied
	 * @return the changed request
	 */
	public SeedImportRequest withPreSharedKey(byte[] preSharedKey) {
		return new SeedImportRequest(this.fileName, this.format, this.secretEncoding, preSharedKey, this.password,
				this.macCheck, this.dryRun, this.allOrNothing, this.replace, this.manufacturer, this.model);
	}

	/**
	 * Returns this request with a PSKC pre-shared key given as hex, the way vendors hand
	 * it out.
	 * @param hex the key as hex digits; spaces are ignored
	 * @return the changed request
	 * @throws KeyfobException {@code invalidRequest} if the text is not hex; the message
	 * repeats none of it
	 */
	public SeedImportRequest withPreSharedKeyHex(CharSequence hex) {
		try {
			return withPreSharedKey(Hex.decode(hex));
		}
		catch (InvalidEncodingException ex) {
			// no cause: its message names a character of the key
			throw new KeyfobException(ErrorKind.INVALID, "invalidRequest",
					"psk: the pre-shared key must be given as hex digits (0-9, a-f), two per byte");
		}
	}

	/**
	 * Returns this request with a PSKC password.
	 * @param password the password, not copied
	 * @return the changed request
	 */
	public SeedImportRequest withPassword(char[] password) {
		return new SeedImportRequest(this.fileName, this.format, this.secretEncoding, this.preSharedKey, password,
				this.macCheck, this.dryRun, this.allOrNothing, this.replace, this.manufacturer, this.model);
	}

	public SeedImportRequest withMacCheck(MacCheck macCheck) {
		return new SeedImportRequest(this.fileName, this.format, this.secretEncoding, this.preSharedKey, this.password,
				macCheck, this.dryRun, this.allOrNothing, this.replace, this.manufacturer, this.model);
	}

	public SeedImportRequest withDryRun(boolean dryRun) {
		return new SeedImportRequest(this.fileName, this.format, this.secretEncoding, this.preSharedKey, this.password,
				this.macCheck, dryRun, this.allOrNothing, this.replace, this.manufacturer, this.model);
	}

	public SeedImportRequest withAllOrNothing(boolean allOrNothing) {
		return new SeedImportRequest(this.fileName, this.format, this.secretEncoding, this.preSharedKey, this.password,
				this.macCheck, this.dryRun, allOrNothing, this.replace, this.manufacturer, this.model);
	}

	public SeedImportRequest withReplace(boolean replace) {
		return new SeedImportRequest(this.fileName, this.format, this.secretEncoding, this.preSharedKey, this.password,
				this.macCheck, this.dryRun, this.allOrNothing, replace, this.manufacturer, this.model);
	}

	/**
	 * Returns this request with a manufacturer and model for tokens the file describes
	 * without them (many PSKC files and privacyIDEA CSVs name no model).
	 * @param manufacturer the manufacturer, or {@code null}
	 * @param model the model, or {@code null}
	 * @return the changed request
	 */
	public SeedImportRequest withDevice(@Nullable String manufacturer, @Nullable String model) {
		return new SeedImportRequest(this.fileName, this.format, this.secretEncoding, this.preSharedKey, this.password,
				this.macCheck, this.dryRun, this.allOrNothing, this.replace, manufacturer, model);
	}

	/**
	 * Returns the options for reading the file.
	 * @param maxRows the row limit
	 * @return the read options, sharing this request's key and password arrays
	 */
	ReadOptions readOptions(int maxRows) {
		ReadOptions options = ReadOptions.defaults()
			.withFormat(this.format)
			.withSecretEncoding(this.secretEncoding)
			.withMacCheck(this.macCheck)
			.withMaxRows(maxRows);
		if (this.preSharedKey != null) {
			options = options.withPreSharedKey(this.preSharedKey);
		}
		return (this.password != null) ? options.withPassword(this.password) : options;
	}

	/**
	 * Overwrites the key and password with zeros.
	 */
	void clearKeys() {
		if (this.preSharedKey != null) {
			Arrays.fill(this.preSharedKey, (byte) 0);
		}
		if (this.password != null) {
			Arrays.fill(this.password, '\0');
		}
	}

	@Override
	public String toString() {
		return "SeedImportRequest[fileName=" + this.fileName + ", format=" + this.format + ", secretEncoding="
				+ this.secretEncoding + ", preSharedKey=" + ((this.preSharedKey != null) ? "(given)" : "(none)")
				+ ", password=" + ((this.password != null) ? "(given)" : "(none)") + ", macCheck=" + this.macCheck
				+ ", dryRun=" + this.dryRun + ", allOrNothing=" + this.allOrNothing + ", replace=" + this.replace
				+ ", manufacturer=" + this.manufacturer + ", model=" + this.model + "]";
	}

}
