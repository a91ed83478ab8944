package io.keyfob.token;

/**
 * Where a code matched, found without recording it.
 *
 * @param position TOTP: the time step; HOTP: the counter
 * @param driftSteps TOTP: the matched step minus the current step; HOTP: 0
 */
public record CodeMatch(long position, int driftSteps) {
}
