package io.keyfob.seedimport;

/**
 * How a CSV file writes secrets. Strings of {@code 2-7} and {@code A-F} are valid in both
 * encodings with different meanings, so the encoding is stated, never guessed.
 */
public enum SecretEncoding {

	/** RFC 4648 Base32 ({@code A-Z}, {@code 2-7}), as Entra expects. */
	BASE32,

	/** Hexadecimal, as the RFC test vectors, OATH Toolkit and privacyIDEA use. */
	HEX

}
