package io.keyfob.seedimport;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where in a seed file a token was found, in the terms a person opening the file uses: a
 * 1-based line number in a CSV file (the line on which the row starts) or the 1-based
 * position of a {@code KeyPackage} in a PSKC file.
 *
 * @param kind what {@code number} counts
 * @param number the 1-based line or {@code KeyPackage} number
 */
public record Location(Kind kind, int number) {

	/** What a location counts. */
	public enum Kind {

		/** A line of a CSV file. */
		LINE("line %d", "on line %d"),

		/** A {@code KeyPackage} element of a PSKC file. */
		KEY_PACKAGE("KeyPackage %d", "in KeyPackage %d");

		private final String label;

		private final String reference;

		Kind(String label, String reference) {
			this.label = label;
			this.reference = reference;
		}

	}

	public Location {
		Objects.requireNonNull(kind, "kind must not be null");
		if (number < 1) {
			throw new IllegalArgumentException("number must be 1 or more");
		}
	}

	/**
	 * Returns the location of a CSV line.
	 * @param number the 1-based line number
	 * @return the location
	 */
	public static Location line(int number) {
		return new Location(Kind.LINE, number);
	}

	/**
	 * Returns the location of a PSKC {@code KeyPackage}.
	 * @param number the 1-based position among the container's key packages
	 * @return the location
	 */
	public static Location keyPackage(int number) {
		return new Location(Kind.KEY_PACKAGE, number);
	}

	/**
	 * Names this location as a back reference inside a sentence.
	 * @return such as {@code on line 3} or {@code in KeyPackage 1}
	 */
	public String reference() {
		return String.format(Locale.ROOT, this.kind.reference, this.number);
	}

	/**
	 * Names this location as the start of a message about it. A key package is hard to
	 * find by number alone, so its serial number is added when known.
	 * @param serialNumber the serial number of the token found there, if known
	 * @return such as {@code line 7} or {@code KeyPackage 2 (serial 123)}
	 */
	public String describe(@Nullable String serialNumber) {
		String label = toString();
		return (this.kind == Kind.KEY_PACKAGE && serialNumber != null) ? label + " (serial " + serialNumber + ")"
				: label;
	}

	/**
	 * Names this location.
	 * @return such as {@code line 7} or {@code KeyPackage 2}
	 */
	@Override
	public String toString() {
		return String.format(Locale.ROOT, this.kind.label, this.number);
	}

}
