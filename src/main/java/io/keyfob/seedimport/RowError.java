package io.keyfob.seedimport;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A row of a seed file that cannot be imported, with a reason a person can act on.
 * <p>
 * The reason never contains a secret or key. It may name one offending character of a
 * secret and its position, which is what it takes to find a typo.
 *
 * @param location where the row is
 * @param serialNumber the row's serial number, or {@code null} if it has none or it could
 * not be read
 * @param reason what is wrong and, where it helps, what to do, such as
 * {@code time interval 45 is not allowed: use 30 or 60}
 */
public record RowError(Location location, @Nullable String serialNumber, String reason) implements SeedFileEntry {

	public RowError {
		Objects.requireNonNull(location, "location must not be null");
		Objects.requireNonNull(reason, "reason must not be null");
	}

	/**
	 * Returns the reason prefixed with the location.
	 * @return such as {@code line 9: time interval 45 is not allowed: use 30 or 60}
	 */
	public String message() {
		return this.location.describe(this.serialNumber) + ": " + this.reason;
	}

	@Override
	public String toString() {
		return message();
	}

}
