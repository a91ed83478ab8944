package io.keyfob.radius;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a RADIUS client's users prove who they are.
 */
public enum RadiusMode {

	/** {@code User-Password} is the directory password followed by the code. */
	PASSWORD_AND_CODE("passwordAndCode"),

	/** {@code User-Password} is the code alone; the NAS checks the password elsewhere. */
	CODE_ONLY("codeOnly"),

	/**
	 * The password first; Keyfob answers {@code Access-Challenge} with a {@code State},
	 * and the second request carries the code and that {@code State}.
	 */
	CHALLENGE("challenge");

	private final String wireName;

	RadiusMode(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The name in the API and the database.
	 * @return for example {@code passwordAndCode}
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * The mode with an API name.
	 * @param wireName for example {@code codeOnly}
	 * @return the mode, or empty if there is none of that name
	 */
	public static Optional<RadiusMode> ofWireName(String wireName) {
		return Arrays.stream(values()).filter((mode) -> mode.wireName.equals(wireName)).findFirst();
	}

}
