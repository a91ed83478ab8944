package io.keyfob.seedimport;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An assumption a reader made about a row it accepted, such as a time interval the file
 * left out. Worth showing to the person importing: a wrong assumption makes a token fail
 * at sign-in, long after the import.
 *
 * @param location where the row is
 * @param serialNumber the row's serial number, or {@code null} if the warning concerns
 * the whole file (its location is then the header line)
 * @param message what was assumed, such as {@code no time interval; assumed 30 seconds}
 */
public record RowWarning(Location location, @Nullable String serialNumber, String message) implements SeedFileEntry {

	public RowWarning {
		Objects.requireNonNull(location, "location must not be null");
		Objects.requireNonNull(message, "message must not be null");
	}

	@Override
	public String toString() {
		return this.location.describe(this.serialNumber) + ": " + this.message;
	}

}
