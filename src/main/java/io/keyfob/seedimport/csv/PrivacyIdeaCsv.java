package io.keyfob.seedimport.csv;

import java.util.Locale;
import java.util.regex.Pattern;

import io.keyfob.seedimport.SeedOtpType;
import io.keyfob.seedimport.SecretEncoding;
import io.keyfob.shared.csv.CsvRow;
import org.jspecify.annotations.Nullable;

/**
 * privacyIDEA's "OATH CSV": no header, {@code #} comment lines, surrounding spaces
 * ignored, one token per row: <pre>
 * serial, hex seed[, type[, digits[, time step (TOTP) or counter (HOTP)[, hash function]]]]
 * </pre> A first line {@code # version: 2} puts the owner in front:
 * {@code user, resolver, realm, serial, seed, ...}; Keyfob keeps the user name as the
 * owner and has no use for resolver and realm.
 * <p>
 * Defaults follow privacyIDEA: HOTP, 6 digits, 30 seconds, counter 0. privacyIDEA picks
 * the hash function from the seed length; Keyfob applies its hash function rule (see
 * {@link io.keyfob.seedimport.SeedRules}), which reads the optional sixth column that
 * LinOTP's variant of the format adds first. Unlike privacyIDEA, a serial number that
 * appears twice is an error, not an overwrite, and OCRA and TAN rows are refused.
 */
final class PrivacyIdeaCsv implements RowFormat {

	private static final Pattern VERSION_2 = Pattern.compile("\\s*version\\s*:\\s*2\\s*", Pattern.CASE_INSENSITIVE);

	private static final Pattern HEX = Pattern.compile("[0-9a-fA-F ]*[0-9a-fA-F][0-9a-fA-F ]*");

	private static final String[] VERSION_1_FIELDS = { "serial", "seed", "type", "digits", "time step or counter",
			"hash function" };

	private int ownerFields;

	private boolean tokenRowSeen;

	static boolean isVersion2(CsvRow comment) {
		return comment.comment() && VERSION_2.matcher(comment.fields().get(0)).matches();
	}

	/**
	 * Tells whether a line looks like a version 1 token row: two or more fields, the
	 * second one hex.
	 * @param row the first row of a file that has no recognised header
	 * @return whether to read the file as privacyIDEA CSV
	 */
	static boolean looksLikeRow(CsvRow row) {
		return !row.comment() && row.filledWidth() >= 2 && !row.field(0).isEmpty()
				&& HEX.matcher(row.field(1)).matches();
	}

	@Override
	public void comment(CsvRow row) {
		if (!this.tokenRowSeen && isVersion2(row)) {
			this.ownerFields = 3;
		}
	}

	@Override
	public @Nullable String problem(CsvRow row) {
		this.tokenRowSeen = true;
		int width = row.filledWidth();
		int required = this.ownerFields + 2;
		if (width < required) {
			return "expected at least " + required + " fields (" + fieldNames(required) + "), found " + width;
		}
		String type = row.field(this.ownerFields + 2).toUpperCase(Locale.ROOT);
		if (type.equals("OCRA") || type.equals("TAN")) {
			return "type " + type + " is not supported: use TOTP or HOTP";
		}
		int most = this.ownerFields + VERSION_1_FIELDS.length;
		return (width <= most) ? null
				: "expected at most " + most + " fields (" + fieldNames(most) + "), found " + width;
	}

	@Override
	public TokenRow toTokenRow(CsvRow row) {
		int first = this.ownerFields;
		TokenRow token = new TokenRow(row.line());
		token.owner = (first > 0) ? row.field(0) : null;
		token.serialNumber = row.field(first);
		token.secret = row.field(first + 1);
		token.secretName = "seed";
		token.encoding = SecretEncoding.HEX;
		token.type = row.field(first + 2);
		token.defaultType = SeedOtpType.HOTP;
		token.digits = row.field(first + 3);
		// the fifth field is the time step of a TOTP token and the counter of a HOTP
		// token
		token.interval = row.field(first + 4);
		token.counter = row.field(first + 4);
		token.hashFunction = row.field(first + 5);
		return token;
	}

	private String fieldNames(int count) {
		StringBuilder names = new StringBuilder((this.ownerFields > 0) ? "user, resolver, realm" : "");
		for (int i = 0; i < count - this.ownerFields; i++) {
			names.append((names.length() > 0) ? ", " : "").append(VERSION_1_FIELDS[i]);
		}
		return names.toString();
	}

}
