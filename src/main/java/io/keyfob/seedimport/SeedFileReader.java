package io.keyfob.seedimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import io.keyfob.seedimport.SeedFileRejected.Problem;
import io.keyfob.seedimport.csv.CsvSeedReader;
import io.keyfob.seedimport.pskc.PskcSeedReader;

/**
 * Reads a seed file of any {@link SeedFileFormat} into a {@link SeedFile}: every valid
 * token as a {@link SeedRecord}, every bad row as a {@link RowError}, so one pass shows a
 * person everything to fix: <pre>{@code
 * SeedFile file = new SeedFileReader().read(upload, ReadOptions.defaults());
 * file.errors().forEach((error) -> report(error.message()));
 * }</pre>
 * <p>
 * The format is detected from the content unless the options name one: XML is PSKC; a CSV
 * is recognised by its header line, or by privacyIDEA's version comment or headerless
 * {@code serial, hex seed} rows. Text may start with a UTF-8 or UTF-16 byte order mark
 * and is otherwise read as UTF-8. CSV files are streamed row by row; PSKC files are
 * parsed whole, so the caller should cap the upload size.
 * <p>
 * Nothing here logs, and no message contains a secret, key or password. Stateless and
 * thread-safe.
 */
public final class SeedFileReader {

	/** How much of a file is looked at to recognise its format. */
	static final int DETECTION_BYTES = 64 * 1024;

	private static final String UNKNOWN_FORMAT = "This is not a seed file Keyfob knows: expected a CSV with a header "
			+ "line such as 'upn,serial number,secret key,time interval,manufacturer,model', a privacyIDEA OATH CSV "
			+ "('serial, hex seed, type, digits, step') or a PSKC XML file (RFC 6030)";

	/**
	 * Reads a whole seed file.
	 * @param in the file's bytes; read to the end but not closed
	 * @param options the format, keys and limits
	 * @return the valid records, row errors and warnings
	 * @throws SeedFileRejected if the file cannot be read at all: unknown format, unsafe
	 * or broken XML, missing or wrong key, too many rows; the message says what to do
	 * @throws IOException if reading the stream fails
	 */
	public SeedFile read(InputStream in, ReadOptions options) throws IOException {
		Objects.requireNonNull(in, "in must not be null");
		Objects.requireNonNull(options, "options must not be null");
		BufferedInputStream input = new BufferedInputStream(in, DETECTION_BYTES);
		input.mark(DETECTION_BYTES);
		byte[] start = input.readNBytes(DETECTION_BYTES);
		input.reset();
		ByteOrderMark bom = ByteOrderMark.of(start);
		SeedFileFormat format = options.format();
		if (format == null) {
			format = detect(new String(start, bom.length(), start.length - bom.length(), bom.charset()));
		}
		// the start of the file may hold secrets
		Arrays.fill(start, (byte) 0);
		EntryCollector collector = new EntryCollector(options.maxRows());
		try {
			if (format == SeedFileFormat.PSKC) {
				PskcSeedReader.read(input, options, collector);
			}
			else {
				input.skipNBytes(bom.length());
				InputStreamReader text = new InputStreamReader(input, bom.charset());
				CsvSeedReader.read(text, format, options, collector);
			}
		}
		catch (IOException | RuntimeException ex) {
			collector.clearSecrets();
			throw ex;
		}
		return collector.toSeedFile(format);
	}

	private static SeedFileFormat detect(String start) {
		if (start.isBlank()) {
			throw new SeedFileRejected(Problem.UNKNOWN_FORMAT, "The file is empty");
		}
		if (start.strip().startsWith("<")) {
			return SeedFileFormat.PSKC;
		}
		SeedFileFormat format = CsvSeedReader.detect(start);
		if (format == null) {
			throw new SeedFileRejected(Problem.UNKNOWN_FORMAT, UNKNOWN_FORMAT);
		}
		return format;
	}

	/** The byte order mark a file starts with, if any, and the charset it implies. */
	private enum ByteOrderMark {

		NONE(0, StandardCharsets.UTF_8), UTF_8(3, StandardCharsets.UTF_8), UTF_16LE(2, StandardCharsets.UTF_16LE),
		UTF_16BE(2, StandardCharsets.UTF_16BE);

		private final int length;

		private final Charset charset;

		ByteOrderMark(int length, Charset charset) {
			this.length = length;
			this.charset = charset;
		}

		int length() {
			return this.length;
		}

		Charset charset() {
			return this.charset;
		}

		static ByteOrderMark of(byte[] start) {
			if (startsWith(start, 0xEF, 0xBB, 0xBF)) {
				return UTF_8;
			}
			if (startsWith(start, 0xFF, 0xFE)) {
				return UTF_16LE;
			}
			return startsWith(start, 0xFE, 0xFF) ? UTF_16BE : NONE;
		}

		private static boolean startsWith(byte[] bytes, int... prefix) {
			if (bytes.length < prefix.length) {
				return false;
			}
			for (int i = 0; i < prefix.length; i++) {
				if ((bytes[i] & 0xFF) != prefix[i]) {
					return false;
				}
			}
			return true;
		}

	}

}
