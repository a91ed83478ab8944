package io.keyfob.seedimport;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import io.keyfob.otp.HashFunction;
import org.jspecify.annotations.Nullable;

/**
 * One token read from a seed file and found valid: its serial number, OATH parameters,
 * secret and what the file says about its device and owner.
 * <p>
 * The constructor checks every rule that does not depend on the file format and throws
 * {@link IllegalArgumentException} with a reason fit for a {@link RowError} (never
 * containing the secret). Text values are trimmed and blank optional ones become
 * {@code null}.
 * <p>
 * <b>The secret.</b> The record takes ownership of the array it is given and hands out
 * that same array, without copies, so that the importer can {@link #clear()} it once the
 * token is stored. {@link #toString()} shows only its length; {@code equals} compares it
 * by identity.
 *
 * @param location where the token was found
 * @param serialNumber the serial number printed on the device, at most
 * {@value SeedRules#MAX_TEXT_LENGTH} characters
 * @param secret the shared secret, {@value SeedRules#MIN_SECRET_BYTES} to
 * {@value SeedRules#MAX_SECRET_BYTES} bytes
 * @param otpType TOTP or HOTP
 * @param hashFunction the HMAC
 * @param digits the code length, 6 to 8
 * @param timeIntervalSeconds the TOTP time step: 30 or 60, as the Graph contract allows;
 * 0 for HOTP
 * @param counter the HOTP counter, 0 or more; 0 for TOTP
 * @param driftSteps the TOTP clock drift the previous server learned, in time steps (not
 * seconds; PSKC {@code TimeDrift}); 0 when unknown and for HOTP
 * @param manufacturer the device maker as the file names it, or {@code null}
 * @param model the device model, or {@code null}
 * @param displayName a friendly name (PSKC {@code FriendlyName}), or {@code null}
 * @param owner who the file says the token is for, as written: the Entra or vendor CSV
 * {@code upn}, the PSKC {@code UserId} or the privacyIDEA user name; {@code null} for an
 * unassigned token. Not checked against the directory here.
 * @param validFrom from when the token's codes may be accepted (PSKC {@code StartDate}, a
 * vendor CSV's {@code validfrom} column), or {@code null}
 * @param validUntil from when its codes are refused (PSKC {@code ExpiryDate}, a vendor
 * CSV's {@code validuntil} or {@code expiry} column), or {@code null}; after
 * {@code validFrom}
 */
public record SeedRecord(Location location, String serialNumber, byte[] secret, SeedOtpType otpType,
		HashFunction hashFunction, int digits, int timeIntervalSeconds, long counter, int driftSteps,
		@Nullable String manufacturer, @Nullable String model, @Nullable String displayName, @Nullable String owner,
		@Nullable Instant validFrom, @Nullable Instant validUntil) implements SeedFileEntry {

	public SeedRecord {
		Objects.requireNonNull(location, "location must not be null");
		Objects.requireNonNull(secret, "secret must not be null");
		Objects.requireNonNull(otpType, "otpType must not be null");
		Objects.requireNonNull(hashFunction, "hashFunction must not be null");
		serialNumber = requiredText(serialNumber, "serial number");
		checkSecretLength(secret.length);
		checkDigits(digits);
		checkMovingFactor(otpType, timeIntervalSeconds, counter, driftSteps);
		manufacturer = optionalText(manufacturer, "manufacturer");
		model = optionalText(model, "model");
		displayName = optionalText(displayName, "display name");
		owner = optionalText(owner, "owner");
		if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
			throw new IllegalArgumentException("the expiry date " + validUntil + " is not after the start date "
					+ validFrom + ": correct one of the two dates");
		}
	}

	/**
	 * A token that the file gives no validity dates.
	 * @param location where the token was found
	 * @param serialNumber the serial number
	 * @param secret the shared secret, taken over
	 * @param otpType TOTP or HOTP
	 * @param hashFunction the HMAC
	 * @param digits the code length
	 * @param timeIntervalSeconds the TOTP time step; 0 for HOTP
	 * @param counter the HOTP counter; 0 for TOTP
	 * @param driftSteps the TOTP clock drift in time steps
	 * @param manufacturer the device maker, or {@code null}
	 * @param model the device model, or {@code null}
	 * @param displayName a friendly name, or {@code null}
	 * @param owner who the file says the token is for, or {@code null}
	 */
	public SeedRecord(Location location, String serialNumber, byte[] secret, SeedOtpType otpType,
			HashFunction hashFunction, int digits, int timeIntervalSeconds, long counter, int driftSteps,
			@Nullable String manufacturer, @Nullable String model, @Nullable String displayName,
			@Nullable String owner) {
		this(location, serialNumber, secret, otpType, hashFunction, digits, timeIntervalSeconds, counter, driftSteps,
				manufacturer, model, displayName, owner, null, null);
	}

	/**
	 * Overwrites the secret with zeros. Call it once the secret has been stored.
	 */
	public void clear() {
		Arrays.fill(this.secret, (byte) 0);
	}

	@Override
	public String toString() {
		return "SeedRecord[" + this.location + ", serialNumber=" + this.serialNumber + ", secret=(" + this.secret.length
				+ " bytes), otpType=" + this.otpType + ", hashFunction=" + this.hashFunction + ", digits=" + this.digits
				+ ", timeIntervalSeconds=" + this.timeIntervalSeconds + ", counter=" + this.counter + ", driftSteps="
				+ this.driftSteps + ", manufacturer=" + this.manufacturer + ", model=" + this.model + ", displayName="
				+ this.displayName + ", owner=" + this.owner + ", validFrom=" + this.validFrom + ", validUntil="
				+ this.validUntil + "]";
	}

	private static void checkSecretLength(int length) {
		if (length < SeedRules.MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("the secret is " + length + " bytes long; at least "
					+ SeedRules.MIN_SECRET_BYTES + " bytes (128 bits) are required (RFC 4226)");
		}
		if (length > SeedRules.MAX_SECRET_BYTES) {
			throw new IllegalArgumentException("the secret is " + length + " bytes long; at most "
					+ SeedRules.MAX_SECRET_BYTES + " bytes (128 Base32 characters) are allowed");
		}
	}

	private static void checkDigits(int digits) {
		if (digits < 6 || digits > 8) {
			throw new IllegalArgumentException(digits + " digits are not allowed: use 6, 7 or 8");
		}
	}

	private static void checkMovingFactor(SeedOtpType type, int timeInterval, long counter, int driftSteps) {
		if (type == SeedOtpType.TOTP) {
			if (timeInterval != 30 && timeInterval != 60) {
				throw new IllegalArgumentException("time interval " + timeInterval + " is not allowed: use 30 or 60");
			}
			if (counter != 0) {
				throw new IllegalArgumentException("a TOTP token has no counter");
			}
			return;
		}
		if (timeInterval != 0 || driftSteps != 0) {
			throw new IllegalArgumentException("a HOTP token has no time interval and no drift");
		}
		if (counter < 0) {
			throw new IllegalArgumentException("counter " + counter + " is not allowed: use 0 or more");
		}
	}

	private static String requiredText(@Nullable String value, String name) {
		String text = optionalText(value, name);
		if (text == null) {
			throw new IllegalArgumentException(name + " is empty");
		}
		return text;
	}

	private static @Nullable String optionalText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > SeedRules.MAX_TEXT_LENGTH) {
			throw new IllegalArgumentException(name + " is longer than " + SeedRules.MAX_TEXT_LENGTH + " characters");
		}
		return text;
	}

}
