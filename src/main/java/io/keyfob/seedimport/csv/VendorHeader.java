package io.keyfob.seedimport.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.keyfob.shared.csv.CsvRow;

import org.jspecify.annotations.Nullable;

/**
 * The header line of a vendor CSV: its delimiter and which column is where.
 * <p>
 * The delimiter is found from the header alone: the tokenizer splits it at commas; a
 * single field that still holds semicolons or tabs was written with those (European
 * spreadsheets use {@code ;}, "Unicode text" exports use tabs).
 *
 * @param delimiter the character between fields
 * @param columns the recognised columns and their 0-based positions
 * @param unknown header names that are not recognised, which are then not read
 * @param width the number of header fields
 * @param problem why the header cannot be used (a missing or repeated column), or
 * {@code null}
 */
record VendorHeader(char delimiter, Map<VendorColumn, Integer> columns, List<String> unknown, int width,
		@Nullable String problem) {

	private static final char[] OTHER_DELIMITERS = { ';', '\t' };

	static VendorHeader of(CsvRow row) {
		List<String> names = row.fields().subList(0, row.filledWidth());
		char delimiter = ',';
		if (names.size() == 1) {
			for (char other : OTHER_DELIMITERS) {
				if (names.get(0).indexOf(other) >= 0) {
					delimiter = other;
					names = Arrays.asList(names.get(0).split(String.valueOf(other), -1));
					break;
				}
			}
		}
		return of(delimiter, names);
	}

	private static VendorHeader of(char delimiter, List<String> names) {
		Map<VendorColumn, Integer> columns = new EnumMap<>(VendorColumn.class);
		List<String> unknown = new ArrayList<>();
		String problem = null;
		for (int i = 0; i < names.size(); i++) {
			VendorColumn column = VendorColumn.named(names.get(i));
			if (column == null) {
				unknown.add(names.get(i).strip());
				continue;
			}
			Integer earlier = columns.putIfAbsent(column, i);
			if (earlier != null && problem == null) {
				problem = "The header line names the " + column.label() + " twice (columns " + (earlier + 1) + " and "
						+ (i + 1) + ")";
			}
		}
		if (problem == null) {
			problem = missing(columns);
		}
		return new VendorHeader(delimiter, columns, unknown, names.size(), problem);
	}

	private static @Nullable String missing(Map<VendorColumn, Integer> columns) {
		if (!columns.containsKey(VendorColumn.SERIAL)) {
			return "The header line has no serial number column: name one 'serial number', 'serial' or 'sn'";
		}
		if (!columns.containsKey(VendorColumn.SECRET)) {
			return "The header line has no secret column: name one 'secret key', 'secret', 'seed' or 'key'";
		}
		return null;
	}

	/**
	 * Returns a row's cell for a column.
	 * @param row a token row
	 * @param column the column
	 * @return the trimmed cell, empty if the file has no such column or the row is short
	 */
	String cell(CsvRow row, VendorColumn column) {
		Integer index = this.columns.get(column);
		return (index != null) ? row.field(index) : "";
	}

}
