package io.keyfob.shared.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A streaming CSV tokenizer after RFC 4180: quoted fields with doubled quotes and line
 * breaks, CRLF, LF or CR line ends. It holds one record at a time, so reading is O(rows)
 * in time and O(1) in memory whatever the file size.
 * <p>
 * Lenient where real files differ from the RFC: a UTF-8 byte order mark is ignored, blank
 * lines and rows of empty fields are skipped, a quote inside an unquoted field is kept as
 * a character, and {@code #} comment lines are recognised where the format has them.
 * Bounded where a hostile file could hurt: a field keeps at most the caller's maximum of
 * characters and a record at most {@value #MAX_FIELDS} fields; beyond that the record is
 * consumed and marked with a problem, which each caller words for its readers.
 * <p>
 * The one CSV reader of Keyfob: user imports and CSV seed files both read through it.
 */
public final class CsvParser {

	static final int MAX_FIELDS = 64;

	private static final int EOF = -1;

	private final Reader reader;

	private final boolean comments;

	private final int maxFieldLength;

	private final char[] buffer = new char[8192];

	private char delimiter;

	private int position;

	private int limit;

	private int line = 1;

	private int undecodableLine;

	private boolean started;

	/**
	 * Creates a parser.
	 * @param reader the text; it is read in blocks, so it need not be buffered
	 * @param delimiter the field delimiter
	 * @param comments whether a line starting with {@code #} is a comment
	 * @param maxFieldLength the most characters a field may have
	 */
	public CsvParser(Reader reader, char delimiter, boolean comments, int maxFieldLength) {
		this.reader = reader;
		this.delimiter = delimiter;
		this.comments = comments;
		this.maxFieldLength = maxFieldLength;
	}

	/**
	 * Changes the delimiter for the records that follow, for formats whose header tells
	 * it.
	 * @param delimiter the field delimiter
	 */
	public void useDelimiter(char delimiter) {
		this.delimiter = delimiter;
	}

	/**
	 * Returns the first line that held a character the charset decoder could not decode
	 * (it replaces them with U+FFFD). Decoders read ahead, so their own errors cannot
	 * name the line.
	 * @return the 1-based line, or 0 if there was none so far
	 */
	public int undecodableLine() {
		return this.undecodableLine;
	}

	/**
	 * Reads the next record that is not blank.
	 * @return the record, or {@code null} at the end of the input
	 * @throws IOException if reading fails, including malformed input for the charset
	 */
	public @Nullable CsvRow next() throws IOException {
		while (peek() != EOF) {
			CsvRow row = readRecord();
			if (row.comment() || row.problem() != null || row.filledWidth() > 0) {
				return row;
			}
		}
		return null;
	}

	private CsvRow readRecord() throws IOException {
		int start = this.line;
		Record record = new Record(this.maxFieldLength);
		skipBlanks(record);
		if (this.comments && peek() == '#') {
			read();
			readRestOfLine(record);
			return new CsvRow(start, List.of(record.field.toString()), record.problem, true);
		}
		boolean quoted = false;
		for (int c = read(); c != EOF; c = read()) {
			if (quoted) {
				quoted = readQuoted(c, record);
			}
			else if (c == '"' && record.field.toString().isBlank()) {
				record.field.setLength(0);
				quoted = true;
			}
			else if (c == this.delimiter) {
				record.endField();
			}
			else if (c == '\r' || c == '\n') {
				endLine(c);
				break;
			}
			else {
				record.append((char) c);
			}
		}
		if (quoted) {
			record.problem("a quoted field is not closed");
		}
		record.endField();
		return new CsvRow(start, record.fields, record.problem, false);
	}

	// Returns whether the field is still inside quotes.
	private boolean readQuoted(int c, Record record) throws IOException {
		if (c == '"') {
			if (peek() != '"') {
				return false;
			}
			read();
		}
		else if (c == '\r' || c == '\n') {
			endLine(c);
			record.append('\n');
			return true;
		}
		record.append((char) c);
		return true;
	}

	private void skipBlanks(Record record) throws IOException {
		while (peek() == ' ' || peek() == '\t') {
			record.append((char) read());
		}
	}

	private void readRestOfLine(Record record) throws IOException {
		for (int c = read(); c != EOF; c = read()) {
			if (c == '\r' || c == '\n') {
				endLine(c);
				return;
			}
			record.append((char) c);
		}
	}

	private void endLine(int c) throws IOException {
		if (c == '\r' && peek() == '\n') {
			read();
		}
		this.line++;
	}

	private int read() throws IOException {
		int c = peek();
		if (c != EOF) {
			this.position++;
		}
		if (c == '\uFFFD' && this.undecodableLine == 0) {
			this.undecodableLine = this.line;
		}
		return c;
	}

	private int peek() throws IOException {
		if (this.position == this.limit) {
			this.position = 0;
			this.limit = Math.max(this.reader.read(this.buffer), 0);
			if (this.limit == 0) {
				return EOF;
			}
			if (!this.started) {
				return skipByteOrderMark();
			}
		}
		return this.buffer[this.position];
	}

	// spreadsheets save UTF-8 with a byte order mark; it is not part of the first field
	private int skipByteOrderMark() throws IOException {
		this.started = true;
		if (this.buffer[0] == '\uFEFF') {
			this.position = 1;
		}
		return peek();
	}

	/** The record being read, with its limits. */
	private static final class Record {

		private final List<String> fields = new ArrayList<>();

		private final StringBuilder field = new StringBuilder();

		private final int maxFieldLength;

		private @Nullable String problem;

		Record(int maxFieldLength) {
			this.maxFieldLength = maxFieldLength;
		}

		void append(char c) {
			if (this.field.length() < this.maxFieldLength) {
				this.field.append(c);
			}
			else {
				problem("a field is longer than " + this.maxFieldLength + " characters");
			}
		}

		void endField() {
			if (this.fields.size() < MAX_FIELDS) {
				this.fields.add(this.field.toString());
			}
			else {
				problem("the row has more than " + MAX_FIELDS + " fields");
			}
			this.field.setLength(0);
		}

		void problem(String problem) {
			if (this.problem == null) {
				this.problem = problem;
			}
		}

	}

}
