package io.keyfob.seedimport.pskc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.keyfob.otp.HashFunction;
import io.keyfob.seedimport.Location;
import io.keyfob.seedimport.SeedOtpType;
import io.keyfob.seedimport.RowError;
import io.keyfob.seedimport.RowWarning;
import io.keyfob.seedimport.SeedFileEntry;
import io.keyfob.seedimport.SeedRecord;
import io.keyfob.seedimport.SeedRules;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Turns one {@code KeyPackage} into a {@link SeedRecord} and its warnings, or a
 * {@link RowError}.
 * <p>
 * Mapping: serial number from {@code DeviceInfo/SerialNo}, else {@code Key/@Id}; type
 * from the {@code Key/@Algorithm} URI; digits from {@code ResponseFormat/@Length} (which
 * must be {@code DECIMAL} without check digit); hash function from {@code Suite} or the
 * rule of {@link SeedRules}; {@code Counter}, {@code TimeInterval}, {@code TimeDrift} (in
 * time steps) from {@code Data}; manufacturer, model from {@code DeviceInfo}; display
 * name from {@code FriendlyName}; owner from {@code Key/UserId}, else
 * {@code DeviceInfo/UserId}; the validity window from {@code StartDate} and
 * {@code ExpiryDate} of {@code DeviceInfo} and {@code Key/Policy}, the narrower where
 * both have one. A {@code Time} other than 0 is refused: Keyfob counts time steps from
 * the Unix epoch.
 */
final class KeyPackageReader {

	private final @Nullable ContainerKeys keys;

	private @Nullable RowError firstMacFailure;

	KeyPackageReader(@Nullable ContainerKeys keys) {
		this.keys = keys;
	}

	/**
	 * Returns the first row error caused by a MAC mismatch.
	 * @return the error, or {@code null} if every MAC checked matched
	 */
	@Nullable RowError firstMacFailure() {
		return this.firstMacFailure;
	}

	List<SeedFileEntry> read(Element keyPackage, int number) {
		Location location = Location.keyPackage(number);
		Element deviceInfo = Dom.child(keyPackage, Pskc.NS, "DeviceInfo");
		List<Element> keyElements = Dom.children(keyPackage, Pskc.NS, "Key");
		Element key = keyElements.isEmpty() ? null : keyElements.get(0);
		String serialNumber = Dom.childText(deviceInfo, Pskc.NS, "SerialNo");
		if (serialNumber == null && key != null) {
			serialNumber = Dom.attribute(key, "Id");
		}
		List<SeedFileEntry> entries = new ArrayList<>();
		try {
			if (key == null || keyElements.size() > 1) {
				throw new IllegalArgumentException("the KeyPackage holds " + keyElements.size()
						+ " Key elements; RFC 6030 puts exactly one in each");
			}
			if (serialNumber == null) {
				throw new IllegalArgumentException(
						"no serial number: the KeyPackage has neither DeviceInfo/SerialNo nor Key/@Id");
			}
			List<String> notes = new ArrayList<>();
			SeedRecord record = toRecord(location, serialNumber, deviceInfo, key, notes);
			entries.add(record);
			notes.forEach((note) -> entries.add(new RowWarning(location, record.serialNumber(), note)));
		}
		catch (IllegalArgumentException ex) {
			entries.add(new RowError(location, serialNumber, ex.getMessage()));
		}
		catch (CryptoFailure ex) {
			RowError error = new RowError(location, serialNumber, ex.getMessage());
			if (ex.isMacFailure() && this.firstMacFailure == null) {
				this.firstMacFailure = error;
			}
			entries.add(error);
		}
		return entries;
	}

	private SeedRecord toRecord(Location location, String serialNumber, @Nullable Element deviceInfo, Element key,
			List<String> notes) throws CryptoFailure {
		SeedOtpType type = type(Dom.attribute(key, "Algorithm"));
		Element parameters = Dom.child(key, Pskc.NS, "AlgorithmParameters");
		int digits = ResponseFormats.digits(Dom.child(parameters, Pskc.NS, "ResponseFormat"), notes);
		KeyData data = new KeyData(Dom.child(key, Pskc.NS, "Data"), this.keys);
		byte[] secret = data.secret();
		try {
			HashFunction hash = hashFunction(Dom.childText(parameters, Pskc.NS, "Suite"), secret.length, notes);
			int interval = (type == SeedOtpType.TOTP) ? timeInterval(data, notes) : 0;
			long counter = (type == SeedOtpType.HOTP) ? counter(data, notes) : 0;
			Integer drift = (type == SeedOtpType.TOTP) ? data.smallNumber("TimeDrift") : null;
			String owner = Dom.childText(key, Pskc.NS, "UserId");
			Element policy = Dom.child(key, Pskc.NS, "Policy");
			return new SeedRecord(location, serialNumber, secret, type, hash, digits, interval, counter,
					(drift != null) ? drift : 0, Dom.childText(deviceInfo, Pskc.NS, "Manufacturer"),
					Dom.childText(deviceInfo, Pskc.NS, "Model"), Dom.childText(key, Pskc.NS, "FriendlyName"),
					(owner != null) ? owner : Dom.childText(deviceInfo, Pskc.NS, "UserId"),
					latest(date(deviceInfo, "DeviceInfo", "StartDate"), date(policy, "Policy", "StartDate")),
					earliest(date(deviceInfo, "DeviceInfo", "ExpiryDate"), date(policy, "Policy", "ExpiryDate")));
		}
		catch (RuntimeException ex) {
			Arrays.fill(secret, (byte) 0);
			throw ex;
		}
	}

	private static @Nullable Instant date(@Nullable Element parent, String parentName, String name) {
		String text = Dom.childText(parent, Pskc.NS, name);
		return (text != null) ? SeedRules.validityDate(text, parentName + "/" + name) : null;
	}

	// the device and the key may each have a window: the token works where both allow
	private static @Nullable Instant latest(@Nullable Instant device, @Nullable Instant key) {
		return (device == null || (key != null && key.isAfter(device))) ? key : device;
	}

	private static @Nullable Instant earliest(@Nullable Instant device, @Nullable Instant key) {
		return (device == null || (key != null && key.isBefore(device))) ? key : device;
	}

	private static SeedOtpType type(@Nullable String algorithm) {
		if (Pskc.TOTP.equals(algorithm) || Pskc.DRAFT_TOTP.equals(algorithm)) {
			return SeedOtpType.TOTP;
		}
		if (Pskc.HOTP.equals(algorithm) || Pskc.DRAFT_HOTP.equals(algorithm)) {
			return SeedOtpType.HOTP;
		}
		throw new IllegalArgumentException((algorithm == null) ? "the Key has no Algorithm"
				: "algorithm " + algorithm + " is not supported: Keyfob reads HOTP and TOTP keys");
	}

	private static HashFunction hashFunction(@Nullable String suite, int secretLength, List<String> notes) {
		if (suite != null) {
			HashFunction named = SeedRules.hashFunctionNamed(suite);
			if (named == null) {
				// quoted in full: a Suite names an algorithm (an OCRA suite, say), never
				// a secret
				throw new IllegalArgumentException(
						"Suite '" + suite + "' is not supported: use HMAC-SHA1, HMAC-SHA256 or HMAC-SHA512");
			}
			return named;
		}
		String note = SeedRules.impliedHashFunctionNote(secretLength);
		if (note != null) {
			notes.add(note);
		}
		return SeedRules.impliedHashFunction(secretLength);
	}

	private static int timeInterval(KeyData data, List<String> notes) {
		Long time = data.number("Time");
		if (time != null && time != 0) {
			throw new IllegalArgumentException(
					"Time " + time + " is not supported: Keyfob counts TOTP time steps from the Unix epoch (Time 0)");
		}
		Integer interval = data.smallNumber("TimeInterval");
		if (interval == null) {
			notes.add("no TimeInterval; assumed " + SeedRules.DEFAULT_TIME_INTERVAL + " seconds");
			return SeedRules.DEFAULT_TIME_INTERVAL;
		}
		return interval;
	}

	private static long counter(KeyData data, List<String> notes) {
		Long counter = data.number("Counter");
		if (counter == null) {
			notes.add("no Counter; assumed 0");
			return 0;
		}
		return counter;
	}

}
