package io.keyfob.seedimport;

/**
 * The two OATH one-time-password algorithms a seed file can describe.
 */
public enum SeedOtpType {

	/** Time-based (RFC 6238): the moving factor is the current time step. */
	TOTP,

	/** Event-based (RFC 4226): the moving factor is a counter advanced on each press. */
	HOTP

}
