package io.keyfob.seedimport.csv;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.keyfob.seedimport.SeedFileRejected;
import io.keyfob.seedimport.SeedFileRejected.Problem;
import io.keyfob.shared.csv.CsvParser;
import io.keyfob.shared.csv.CsvRow;
import org.jspecify.annotations.Nullable;

/**
 * Microsoft Entra ID's CSV upload format: exactly the header
 * {@code upn,serial number,secret key,time interval,manufacturer,model} (case and
 * surrounding spaces ignored), then one TOTP token per row with a Base32 secret, a time
 * interval of 30 or 60 and the UPN of its user. Entra's CSV tokens are HMAC-SHA1 with 6
 * digits.
 */
final class EntraCsv implements RowFormat {

	static final List<String> HEADER = List.of("upn", "serial number", "secret key", "time interval", "manufacturer",
			"model");

	static final String HEADER_LINE = String.join(",", HEADER);

	private EntraCsv() {
	}

	static boolean isHeader(CsvRow row) {
		if (row.comment() || row.filledWidth() != HEADER.size()) {
			return false;
		}
		for (int i = 0; i < HEADER.size(); i++) {
			if (!row.field(i).toLowerCase(Locale.ROOT).equals(HEADER.get(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reads the header line.
	 * @param parser the tokenizer at the start of the file
	 * @return the format, ready for the token rows
	 * @throws SeedFileRejected if the first line is not the Entra header
	 */
	static EntraCsv start(CsvParser parser) throws IOException {
		CsvRow header = parser.next();
		if (header == null || !isHeader(header)) {
			// the line found is not quoted back: if it is not a header, it is a token row
			throw new SeedFileRejected(Problem.MALFORMED,
					"An Entra CSV file must start with the header line '" + HEADER_LINE + "'");
		}
		return new EntraCsv();
	}

	@Override
	public @Nullable String problem(CsvRow row) {
		// more delimiters than columns are fine as long as the extra fields are empty
		int width = (row.fields().size() < HEADER.size()) ? row.fields().size() : row.filledWidth();
		return (width <= HEADER.size() && row.fields().size() >= HEADER.size()) ? null
				: "expected " + HEADER.size() + " fields (" + String.join(", ", HEADER) + "), found " + width;
	}

	@Override
	public TokenRow toTokenRow(CsvRow row) {
		TokenRow token = new TokenRow(row.line());
		token.owner = row.field(0);
		token.ownerRequired = "upn is empty: Entra CSV assigns every token to a user "
				+ "(read the file as vendor CSV to import the tokens unassigned)";
		token.serialNumber = row.field(1);
		token.secret = row.field(2);
		token.interval = row.field(3);
		token.intervalRequired = true;
		token.sha1Only = true;
		token.manufacturer = row.field(4);
		token.model = row.field(5);
		return token;
	}

}
