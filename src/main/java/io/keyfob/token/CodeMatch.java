package io.keyfob.token;

/**
 * Where a code matched, found without recording it.
 *
 * @param position TOTP: the time step; HOTP: the counter
 * @param driftSteps TOTP: the matched step minus the current step; HOTP: the matched
 * counter minus the expected one
 */
public record CodeMatch(long position, int driftSteps) {
}
