/**
 * The OATH one-time-password engine: HOTP (RFC 4226), TOTP (RFC 6238), Base32 (RFC 4648)
 * and hex. Plain Java on purpose: no Spring, no I/O and no clock reads, so every result
 * is a function of its arguments and the RFC vectors test it directly.
 */
@NullMarked
package io.keyfob.otp;

import org.jspecify.annotations.NullMarked;
