package io.keyfob.shared.csv;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One record of a CSV file as the tokenizer saw it.
 *
 * @param line the 1-based line on which the record starts
 * @param fields the fields, untrimmed; for a comment, the one line of text after
 * {@code #}
 * @param problem why the record cannot be trusted (an overlong field, an unclosed quote),
 * or {@code null}
 * @param comment whether the record is a {@code #} comment line
 */
public record CsvRow(int line, List<String> fields, @Nullable String problem, boolean comment) {

	/**
	 * Returns a field, trimmed.
	 * @param index the 0-based field index
	 * @return the trimmed field, or an empty string if the row is shorter
	 */
	public String field(int index) {
		return (index < this.fields.size()) ? this.fields.get(index).strip() : "";
	}

	/**
	 * Counts the fields up to the last non-blank one, so that trailing delimiters, which
	 * spreadsheets like to add, do not count.
	 * @return the number of fields that matter
	 */
	public int filledWidth() {
		int width = this.fields.size();
		while (width > 0 && this.fields.get(width - 1).isBlank()) {
			width--;
		}
		return width;
	}

}
