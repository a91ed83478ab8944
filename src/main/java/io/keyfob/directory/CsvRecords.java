package io.keyfob.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reads CSV (RFC 4180) one record at a time: comma separated, fields optionally in double
 * quotes, a doubled quote inside quotes for a quote, CRLF or LF line ends, a UTF-8
 * byte-order mark ignored. Blank lines are skipped. Not thread-safe.
 */
final class CsvRecords {

	static final int MAX_FIELD_LENGTH = 4096;

	private final Reader reader;

	private long line = 1;

	private long recordLine;

	private boolean started;

	CsvRecords(Reader reader) {
		this.reader = (reader instanceof BufferedReader buffered) ? buffered : new BufferedReader(reader);
	}

	/**
	 * The line on which the last record returned by {@link #next()} started.
	 * @return the 1-based line number
	 */
	long recordLine() {
		return this.recordLine;
	}

	/**
	 * The next record.
	 * @return its fields, or {@code null} at the end of the input
	 * @throws io.keyfob.shared.KeyfobException for an unterminated quote or an overlong
	 * field
	 */
	@Nullable List<String> next() {
		try {
			List<String> fields;
			do {
				fields = readRecord();
			}
			while (fields != null && fields.size() == 1 && fields.get(0).isEmpty());
			return fields;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private @Nullable List<String> readRecord() throws IOException {
		this.recordLine = this.line;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		int c;
		while ((c = read()) != -1) {
			any = true;
			if (quoted) {
				if (c == '"') {
					this.reader.mark(1);
					int next = this.reader.read();
					if (next == '"') {
						append(field, '"');
						continue;
					}
					quoted = false;
					if (next != -1) {
						this.reader.reset();
					}
					continue;
				}
				if (c == '\n') {
					this.line++;
				}
				append(field, (char) c);
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n') {
				this.line++;
				fields.add(stripCarriageReturn(field));
				return fields;
			}
			else {
				append(field, (char) c);
			}
		}
		if (quoted) {
			throw DirectoryErrors.invalid("Line " + this.recordLine + ": a quoted field is not closed.");
		}
		if (!any) {
			return null;
		}
		fields.add(stripCarriageReturn(field));
		return fields;
	}

	private int read() throws IOException {
		int c = this.reader.read();
		if (!this.started) {
			this.started = true;
			if (c == '\uFEFF') {
				c = this.reader.read();
			}
		}
		return c;
	}

	private void append(StringBuilder field, char c) {
		if (field.length() >= MAX_FIELD_LENGTH) {
			throw DirectoryErrors
				.invalid("Line " + this.recordLine + ": a field is longer than " + MAX_FIELD_LENGTH + " characters.");
		}
		field.append(c);
	}

	private static String stripCarriageReturn(StringBuilder field) {
		int length = field.length();
		return (length > 0 && field.charAt(length - 1) == '\r') ? field.substring(0, length - 1) : field.toString();
	}

}
