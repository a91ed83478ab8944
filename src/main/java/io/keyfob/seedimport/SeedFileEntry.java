package io.keyfob.seedimport;

import org.jspecify.annotations.Nullable;

/**
 * One thing a reader found at a place in a seed file: a valid token, a row that cannot be
 * imported, or a warning about an assumption the reader made.
 */
public sealed interface SeedFileEntry permits SeedRecord, RowError, RowWarning {

	/**
	 * Returns where in the file this entry was found.
	 * @return the line or key package
	 */
	Location location();

	/**
	 * Returns the serial number of the token concerned.
	 * @return the trimmed serial number, or {@code null} if the row had none or it could
	 * not be read
	 */
	@Nullable String serialNumber();

}
