package io.keyfob.seedimport;

import java.util.List;
import java.util.Objects;

/**
 * What a reader found in a whole seed file: the valid tokens, the rows that cannot be
 * imported and the warnings about assumptions made. One bad row never hides the others,
 * so a person can fix every problem in one pass.
 *
 * @param format the format the file was read as
 * @param records the valid tokens, in file order, with distinct serial numbers
 * @param errors the rows that cannot be imported, in file order
 * @param warnings assumptions about accepted rows, in file order
 */
public record SeedFile(SeedFileFormat format, List<SeedRecord> records, List<RowError> errors,
		List<RowWarning> warnings) {

	public SeedFile {
		Objects.requireNonNull(format, "format must not be null");
		records = List.copyOf(records);
		errors = List.copyOf(errors);
		warnings = List.copyOf(warnings);
	}

	/**
	 * Returns the number of token rows read, valid or not.
	 * @return {@code validCount() + errorCount()}
	 */
	public int rowCount() {
		return this.records.size() + this.errors.size();
	}

	/**
	 * Returns the number of valid tokens.
	 * @return the size of {@link #records()}
	 */
	public int validCount() {
		return this.records.size();
	}

	/**
	 * Returns the number of rows that cannot be imported.
	 * @return the size of {@link #errors()}
	 */
	public int errorCount() {
		return this.errors.size();
	}

	/**
	 * Overwrites every record's secret with zeros, for when the import is abandoned.
	 */
	public void clearSecrets() {
		this.records.forEach(SeedRecord::clear);
	}

}
