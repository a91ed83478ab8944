package io.keyfob.seedimport.csv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.keyfob.otp.HashFunction;
import io.keyfob.seedimport.Location;
import io.keyfob.seedimport.SeedOtpType;
import io.keyfob.seedimport.RowError;
import io.keyfob.seedimport.RowWarning;
import io.keyfob.seedimport.SecretEncoding;
import io.keyfob.seedimport.SeedFileEntry;
import io.keyfob.seedimport.SeedRecord;
import io.keyfob.seedimport.SeedRules;
import org.jspecify.annotations.Nullable;

/**
 * The cells of one CSV row, named by meaning, and the rules that turn them into a
 * {@link SeedRecord}: defaults, the hash function rule of {@link SeedRules} and the
 * warnings about what was assumed. Each format fills in what its columns hold; blank
 * means "not given".
 */
final class TokenRow {

	private final Location location;

	String serialNumber = "";

	String secret = "";

	String secretName = "secret key";

	SecretEncoding encoding = SecretEncoding.BASE32;

	/** Whether the importer chose {@link #encoding} for the whole file (vendor CSV). */
	boolean encodingSelectable;

	/** A row's own encoding cell, overriding {@link #encoding} when not blank. */
	String encodingName = "";

	String type = "";

	SeedOtpType defaultType = SeedOtpType.TOTP;

	String hashFunction = "";

	/** Entra CSV: HMAC-SHA1 whatever the secret length. */
	boolean sha1Only;

	String digits = "";

	String interval = "";

	/** Entra CSV: every row must give its time interval. */
	boolean intervalRequired;

	/**
	 * Whether a blank interval deserves a warning on the row (not when the whole column
	 * is missing).
	 */
	boolean warnOnDefaultInterval = true;

	String counter = "";

	@Nullable String manufacturer;

	@Nullable String model;

	@Nullable String displayName;

	@Nullable String owner;

	/** A date or date-time, blank for none. */
	String validFrom = "";

	/** A date or date-time, blank for none. */
	String validUntil = "";

	/**
	 * The reason to give when the row has no owner, or {@code null} if none is needed.
	 */
	@Nullable String ownerRequired;

	TokenRow(int line) {
		this.location = Location.line(line);
	}

	/**
	 * Sends the record and its warnings, or the row error, to the sink.
	 * @param sink where entries go
	 */
	void emitTo(Consumer<SeedFileEntry> sink) {
		List<String> notes = new ArrayList<>();
		byte[] secretBytes = null;
		try {
			if (this.serialNumber.isEmpty()) {
				throw new IllegalArgumentException("serial number is empty");
			}
			if (this.ownerRequired != null && (this.owner == null || this.owner.isBlank())) {
				throw new IllegalArgumentException(this.ownerRequired);
			}
			SecretEncoding secretEncoding = this.encodingName.isEmpty() ? this.encoding
					: Cells.encoding(this.encodingName);
			secretBytes = Cells.secret(this.secret, secretEncoding, this.secretName,
					this.encodingSelectable && this.encodingName.isEmpty());
			SeedRecord record = toRecord(secretBytes, notes);
			sink.accept(record);
			notes.forEach((note) -> sink.accept(new RowWarning(this.location, record.serialNumber(), note)));
		}
		catch (IllegalArgumentException ex) {
			if (secretBytes != null) {
				Arrays.fill(secretBytes, (byte) 0);
			}
			sink.accept(new RowError(this.location, serialForError(), ex.getMessage()));
		}
	}

	private SeedRecord toRecord(byte[] secretBytes, List<String> notes) {
		SeedOtpType otpType = this.type.isEmpty() ? this.defaultType : Cells.type(this.type);
		HashFunction hash = hashFunction(secretBytes.length, notes);
		int digitCount = this.digits.isEmpty() ? SeedRules.DEFAULT_DIGITS
				: Cells.smallNumber(this.digits, "digits", "use 6, 7 or 8");
		int step = (otpType == SeedOtpType.TOTP) ? timeInterval(notes) : 0;
		long count = (otpType == SeedOtpType.HOTP && !this.counter.isEmpty())
				? Cells.number(this.counter, "counter", "use 0 or more") : 0;
		return new SeedRecord(this.location, this.serialNumber, secretBytes, otpType, hash, digitCount, step, count, 0,
				this.manufacturer, this.model, this.displayName, this.owner, date(this.validFrom, "valid from"),
				date(this.validUntil, "valid until"));
	}

	private static @Nullable Instant date(String cell, String name) {
		return cell.isEmpty() ? null : SeedRules.validityDate(cell, name);
	}

	private HashFunction hashFunction(int secretLength, List<String> notes) {
		if (this.sha1Only) {
			return HashFunction.HMAC_SHA1;
		}
		if (!this.hashFunction.isEmpty()) {
			return Cells.hashFunction(this.hashFunction);
		}
		String note = SeedRules.impliedHashFunctionNote(secretLength);
		if (note != null) {
			notes.add(note);
		}
		return SeedRules.impliedHashFunction(secretLength);
	}

	private int timeInterval(List<String> notes) {
		if (!this.interval.isEmpty()) {
			return Cells.smallNumber(this.interval, "time interval", "use 30 or 60");
		}
		if (this.intervalRequired) {
			throw new IllegalArgumentException("time interval is empty: use 30 or 60");
		}
		if (this.warnOnDefaultInterval) {
			notes.add("no time interval given; assumed " + SeedRules.DEFAULT_TIME_INTERVAL + " seconds");
		}
		return SeedRules.DEFAULT_TIME_INTERVAL;
	}

	private @Nullable String serialForError() {
		return (this.serialNumber.isEmpty() || this.serialNumber.length() > SeedRules.MAX_TEXT_LENGTH) ? null
				: this.serialNumber;
	}

}
