package io.keyfob.seedimport.csv;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The columns a vendor CSV may have, each recognised by several header names. Names are
 * compared in lower case with spaces, underscores and hyphens removed, so
 * {@code Serial Number}, {@code serial_number} and {@code serialnumber} are one name.
 */
enum VendorColumn {

	SERIAL("serial number", "serial", "serialnumber", "serialno", "sn"),

	SECRET("secret key", "secret", "seed", "key", "secretkey"),

	ENCODING("encoding", "encoding"),

	TYPE("type", "type", "otptype"),

	DIGITS("digits", "digits", "otplength", "otplen"),

	INTERVAL("time interval", "timeinterval", "interval", "period", "step", "timestep"),

	COUNTER("counter", "counter"),

	HASH("hash function", "hash", "hashfunction", "hashalgorithm", "algorithm"),

	MANUFACTURER("manufacturer", "manufacturer", "vendor"),

	MODEL("model", "model"),

	OWNER("upn", "upn", "user", "username", "userprincipalname"),

	DISPLAY_NAME("display name", "displayname", "friendlyname"),

	VALID_FROM("valid from", "validfrom", "startdate", "notbefore"),

	VALID_UNTIL("valid until", "validuntil", "expiry", "expirydate", "expires", "notafter");

	private final String label;

	private final Set<String> names;

	VendorColumn(String label, String... names) {
		this.label = label;
		this.names = Set.of(names);
	}

	/**
	 * Returns the name used in messages.
	 * @return such as {@code serial number}
	 */
	String label() {
		return this.label;
	}

	/**
	 * Finds the column a header name stands for.
	 * @param headerName a header cell
	 * @return the column, or {@code null} if the name is not recognised
	 */
	static @Nullable VendorColumn named(String headerName) {
		String compact = headerName.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-\"]", "");
		for (VendorColumn column : values()) {
			if (column.names.contains(compact)) {
				return column;
			}
		}
		return null;
	}

}
