package io.keyfob.directory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import io.keyfob.shared.KeyfobException;
import io.keyfob.shared.csv.CsvParser;
import io.keyfob.shared.csv.CsvRow;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Creates users from CSV (RFC 4180, read by the shared {@link CsvParser}): a header row
 * naming the columns {@code userPrincipalName}, {@code displayName} and optionally
 * {@code password} and {@code groups} (in any order, names ignoring case), then one user
 * per row. {@code groups} lists group ids or display names separated by {@code ;}. Each
 * row is checked on its own: a refused row is reported and the rest go on. Existing users
 * are reported, never changed.
 * <p>
 * The input is read as a stream and stored in batches of {@value ImportRun#BATCH_SIZE}
 * rows, one transaction and one JDBC batch each, so imports of tens of thousands of users
 * run in bounded memory apart from the report. Hashing passwords dominates the time when
 * the file has them.
 */
@Service
public class UserImport {

	static final int MAX_FIELD_LENGTH = 4096;

	private final ImportStore store;

	private final Directory directory;

	private final Passwords passwords;

	private final Clock clock;

	UserImport(ImportStore store, Directory directory, Passwords passwords, Clock clock) {
		this.store = store;
		this.directory = directory;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Import users.
	 * @param csv the CSV text
	 * @return the report
	 * @throws KeyfobException {@code INVALID} when the header lacks a required column or
	 * the CSV is malformed
	 */
	public ImportReport importUsers(Reader csv) {
		try {
			CsvParser parser = new CsvParser(csv, ',', false, MAX_FIELD_LENGTH);
			Columns columns = Columns.of(fields(parser.next()));
			ImportRun run = new ImportRun(this.store, this.directory, this.passwords, this.clock);
			for (CsvRow row = parser.next(); row != null; row = parser.next()) {
				run.add(row.line(), columns.row(fields(row)));
			}
			return run.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// a row the parser could not read whole (an unclosed quote, an overlong field) stops
	// the import, as a half-read row would otherwise be stored or reported wrongly
	private static @Nullable List<String> fields(@Nullable CsvRow row) {
		if (row == null) {
			return null;
		}
		if (row.problem() != null) {
			throw DirectoryErrors.invalid("Line " + row.line() + ": " + row.problem() + ".");
		}
		return row.fields();
	}

	/**
	 * Where each column is.
	 */
	private record Columns(int userPrincipalName, int displayName, int password, int groups) {

		static Columns of(@Nullable List<String> header) {
			if (header == null) {
				throw DirectoryErrors.invalid("The file is empty: start with the header row "
						+ "'userPrincipalName,displayName,password,groups'.");
			}
			List<String> names = header.stream().map((name) -> name.strip().toLowerCase(Locale.ROOT)).toList();
			int upn = names.indexOf("userprincipalname");
			int displayName = names.indexOf("displayname");
			if (upn < 0 || displayName < 0) {
				throw DirectoryErrors.invalid("The header row must name the columns userPrincipalName and displayName "
						+ "(password and groups are optional), for example "
						+ "'userPrincipalName,displayName,password,groups'.");
			}
			return new Columns(upn, displayName, names.indexOf("password"), names.indexOf("groups"));
		}

		ImportRun.Input row(List<String> fields) {
			String password = field(fields, this.password);
			return new ImportRun.Input(field(fields, this.userPrincipalName).strip(),
					field(fields, this.displayName).strip(), password.isEmpty() ? null : password,
					field(fields, this.groups).strip());
		}

		private static String field(List<String> fields, int index) {
			return (index >= 0 && index < fields.size()) ? fields.get(index) : "";
		}

	}

}
