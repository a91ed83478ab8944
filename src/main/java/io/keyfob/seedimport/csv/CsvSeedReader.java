package io.keyfob.seedimport.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import io.keyfob.seedimport.Location;
import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.RowError;
import io.keyfob.seedimport.SeedFileEntry;
import io.keyfob.seedimport.SeedFileFormat;
import io.keyfob.seedimport.SeedFileRejected;
import io.keyfob.seedimport.SeedFileRejected.Problem;
import io.keyfob.seedimport.SeedRules;
import io.keyfob.shared.StorableText;
import io.keyfob.shared.csv.CsvParser;
import io.keyfob.shared.csv.CsvRow;
import org.jspecify.annotations.Nullable;

/**
 * Reads the CSV seed formats, streaming: one row is read, checked and handed on before
 * the next, so the file is never held in memory. For the seed import module's own use.
 */
public final class CsvSeedReader {

	private CsvSeedReader() {
	}

	/**
	 * Recognises a CSV format from the start of a file: the Entra header, a vendor header
	 * with serial number and secret columns, or privacyIDEA's version comment or
	 * headerless {@code serial, hex seed} rows.
	 * @param start the first characters of the file, without byte order mark
	 * @return the format, or {@code null} if none matches
	 */
	public static @Nullable SeedFileFormat detect(String start) {
		CsvParser parser = new CsvParser(new StringReader(start), ',', true, SeedRules.MAX_TEXT_LENGTH);
		try {
			boolean commented = false;
			for (CsvRow row = parser.next(); row != null; row = parser.next()) {
				if (row.comment()) {
					if (PrivacyIdeaCsv.isVersion2(row)) {
						return SeedFileFormat.PRIVACYIDEA_CSV;
					}
					commented = true;
				}
				else if (!commented && EntraCsv.isHeader(row)) {
					return SeedFileFormat.ENTRA_CSV;
				}
				else if (!commented && VendorCsv.isHeader(row)) {
					return SeedFileFormat.VENDOR_CSV;
				}
				else {
					return PrivacyIdeaCsv.looksLikeRow(row) ? SeedFileFormat.PRIVACYIDEA_CSV : null;
				}
			}
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A StringReader does not fail", ex);
		}
	}

	/**
	 * Reads every row of a CSV seed file.
	 * @param text the file's text, without byte order mark; the decoder must replace
	 * undecodable bytes with U+FFFD (the default), which rejects the file
	 * @param format one of the CSV formats
	 * @param options the read options
	 * @param sink receives each record, row error and warning, in file order
	 * @throws IOException if reading fails
	 * @throws SeedFileRejected if the header is wrong or the text is not in the expected
	 * charset (the first undecodable line is named)
	 */
	public static void read(Reader text, SeedFileFormat format, ReadOptions options, Consumer<SeedFileEntry> sink)
			throws IOException {
		CsvParser parser = new CsvParser(text, ',', format == SeedFileFormat.PRIVACYIDEA_CSV,
				SeedRules.MAX_TEXT_LENGTH);
		RowFormat rows = start(format, parser, options, sink);
		checkDecoded(parser);
		for (CsvRow row = parser.next(); row != null; row = parser.next()) {
			checkDecoded(parser);
			if (row.comment()) {
				rows.comment(row);
				continue;
			}
			String problem = (row.problem() != null) ? row.problem() : unstorable(row);
			problem = (problem != null) ? problem : rows.problem(row);
			if (problem != null) {
				sink.accept(new RowError(Location.line(row.line()), null, problem));
			}
			else {
				rows.toTokenRow(row).emitTo(sink);
			}
		}
	}

	// a NUL or an unpaired surrogate rejects its row only, before any column is read
	private static @Nullable String unstorable(CsvRow row) {
		for (String field : row.fields()) {
			String problem = StorableText.problem(field);
			if (problem != null) {
				return "This row contains " + problem + ": remove it and import the row again.";
			}
		}
		return null;
	}

	private static void checkDecoded(CsvParser parser) {
		if (parser.undecodableLine() > 0) {
			throw new SeedFileRejected(Problem.MALFORMED, "This file is not UTF-8 text (see line "
					+ parser.undecodableLine() + "): save it as UTF-8, in Excel as 'CSV UTF-8 (Comma delimited)'");
		}
	}

	private static RowFormat start(SeedFileFormat format, CsvParser parser, ReadOptions options,
			Consumer<SeedFileEntry> sink) throws IOException {
		switch (format) {
			case ENTRA_CSV:
				return EntraCsv.start(parser);
			case VENDOR_CSV:
				return VendorCsv.start(parser, options, sink);
			case PRIVACYIDEA_CSV:
				return new PrivacyIdeaCsv();
			default:
				throw new IllegalArgumentException("Not a CSV format: " + format);
		}
	}

}
