package io.keyfob.seedimport.csv;

import io.keyfob.shared.csv.CsvRow;
import org.jspecify.annotations.Nullable;

/**
 * What one CSV format knows about its token rows, once its header (if any) has been read:
 * which rows it can read and which cell means what.
 */
interface RowFormat {

	/**
	 * Checks what can be checked before the cells are read one by one, above all the
	 * number of fields.
	 * @param row a token row without tokenizer problems
	 * @return why the row cannot be read, or {@code null} if it can
	 */
	@Nullable String problem(CsvRow row);

	/**
	 * Takes note of a {@code #} comment line, for formats that give them meaning.
	 * @param row the comment
	 */
	default void comment(CsvRow row) {
	}

	/**
	 * Names the cells of a row.
	 * @param row a token row of the right width
	 * @return the cells, ready to become a record
	 */
	TokenRow toTokenRow(CsvRow row);

}
