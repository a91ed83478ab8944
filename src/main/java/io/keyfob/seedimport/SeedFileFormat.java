package io.keyfob.seedimport;

/**
 * The seed file formats Keyfob reads.
 */
public enum SeedFileFormat {

	/**
	 * Microsoft Entra ID's CSV upload: the header line
	 * {@code upn,serial number,secret key,time interval,manufacturer,model}, Base32
	 * secrets, TOTP with HMAC-SHA1 and 6 digits, a UPN on every row.
	 */
	ENTRA_CSV("Entra CSV"),

	/**
	 * A CSV whose header line names its columns, as token vendors ship them (Token2,
	 * Deepnet and Entra-like files without UPNs); {@code ,} or {@code ;} separated.
	 */
	VENDOR_CSV("vendor CSV"),

	/**
	 * privacyIDEA's headerless "OATH CSV":
	 * {@code serial, hex seed, type, digits, time step or counter}, optionally preceded
	 * by {@code # version: 2} and the owner's user, resolver and realm.
	 */
	PRIVACYIDEA_CSV("privacyIDEA OATH CSV"),

	/** A Portable Symmetric Key Container (RFC 6030), plain or encrypted. */
	PSKC("PSKC");

	private final String displayName;

	SeedFileFormat(String displayName) {
		this.displayName = displayName;
	}

	/**
	 * Returns the name to show people.
	 * @return such as {@code Entra CSV}
	 */
	public String displayName() {
		return this.displayName;
	}

}
