package io.keyfob.seedimport.csv;

import java.io.IOException;
import java.util.function.Consumer;

import io.keyfob.seedimport.Location;
import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.RowWarning;
import io.keyfob.seedimport.SeedFileEntry;
import io.keyfob.seedimport.SeedFileRejected;
import io.keyfob.seedimport.SeedFileRejected.Problem;
import io.keyfob.seedimport.SeedRules;
import io.keyfob.shared.csv.CsvParser;
import io.keyfob.shared.csv.CsvRow;
import org.jspecify.annotations.Nullable;

/**
 * A CSV whose header line names its columns, as token vendors ship them: Token2's
 * {@code upn,serial number,secret key,timeinterval,manufacturer,model} with empty UPNs,
 * Deepnet's {@code serial number,secret key,time interval,manufacturer,model}, and any
 * other order or subset of the names in {@link VendorColumn}. Serial number and secret
 * are required.
 * <p>
 * Defaults for what a file leaves out: secrets in the encoding of
 * {@link ReadOptions#secretEncoding()} unless an {@code encoding} column says otherwise,
 * TOTP, 6 digits, 30 seconds (with a warning), counter 0, the hash function rule of
 * {@link SeedRules}, and no limit on when the token may be used (optional
 * {@code valid from} and {@code valid until} or {@code expiry} columns, read by
 * {@link SeedRules#validityDate}).
 */
final class VendorCsv implements RowFormat {

	private final VendorHeader header;

	private final ReadOptions options;

	private VendorCsv(VendorHeader header, ReadOptions options) {
		this.header = header;
		this.options = options;
	}

	static boolean isHeader(CsvRow row) {
		return !row.comment() && VendorHeader.of(row).problem() == null;
	}

	/**
	 * Reads the header line and warns about columns that will not be read.
	 * @param parser the tokenizer at the start of the file
	 * @param options the read options
	 * @param sink where the warnings go
	 * @return the format, ready for the token rows
	 * @throws SeedFileRejected if the header lacks a required column or repeats one
	 */
	static VendorCsv start(CsvParser parser, ReadOptions options, Consumer<SeedFileEntry> sink) throws IOException {
		CsvRow row = parser.next();
		if (row == null) {
			throw new SeedFileRejected(Problem.UNKNOWN_FORMAT, "The file is empty");
		}
		VendorHeader header = VendorHeader.of(row);
		if (header.problem() != null) {
			throw new SeedFileRejected(Problem.MALFORMED, header.problem());
		}
		parser.useDelimiter(header.delimiter());
		Location location = Location.line(row.line());
		for (String name : header.unknown()) {
			sink.accept(new RowWarning(location, null, "column " + Cells.quote(name) + " is not read"));
		}
		if (!header.columns().containsKey(VendorColumn.INTERVAL)) {
			sink.accept(new RowWarning(location, null, "the header line has no time interval column; every TOTP token "
					+ "gets " + SeedRules.DEFAULT_TIME_INTERVAL + " seconds"));
		}
		return new VendorCsv(header, options);
	}

	@Override
	public @Nullable String problem(CsvRow row) {
		int width = row.filledWidth();
		return (width <= this.header.width()) ? null
				: "expected at most " + this.header.width() + " fields as in the header line, found " + width;
	}

	@Override
	public TokenRow toTokenRow(CsvRow row) {
		TokenRow token = new TokenRow(row.line());
		token.serialNumber = cell(row, VendorColumn.SERIAL);
		token.secret = cell(row, VendorColumn.SECRET);
		token.encoding = this.options.secretEncoding();
		token.encodingSelectable = true;
		token.encodingName = cell(row, VendorColumn.ENCODING);
		token.type = cell(row, VendorColumn.TYPE);
		token.hashFunction = cell(row, VendorColumn.HASH);
		token.digits = cell(row, VendorColumn.DIGITS);
		token.interval = cell(row, VendorColumn.INTERVAL);
		token.warnOnDefaultInterval = this.header.columns().containsKey(VendorColumn.INTERVAL);
		token.counter = cell(row, VendorColumn.COUNTER);
		token.manufacturer = cell(row, VendorColumn.MANUFACTURER);
		token.model = cell(row, VendorColumn.MODEL);
		token.owner = cell(row, VendorColumn.OWNER);
		token.displayName = cell(row, VendorColumn.DISPLAY_NAME);
		token.validFrom = cell(row, VendorColumn.VALID_FROM);
		token.validUntil = cell(row, VendorColumn.VALID_UNTIL);
		return token;
	}

	private String cell(CsvRow row, VendorColumn column) {
		return this.header.cell(row, column);
	}

}
