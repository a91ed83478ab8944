package io.keyfob.token.jdbc;

import java.util.UUID;

import io.keyfob.otp.HashFunction;
import io.keyfob.shared.secret.SealedSecret;
import io.keyfob.token.OtpType;
import org.jspecify.annotations.Nullable;

/**
 * What checking a code needs from a token row: the sealed seed, the algorithm and the
 * replay and drift state.
 *
 * @param id the token id
 * @param seed the sealed seed
 * @param otpType TOTP or HOTP
 * @param hashFunction the HMAC hash
 * @param digits the code length
 * @param timeIntervalSeconds the TOTP step, or {@code null} for HOTP
 * @param hotpCounter the next expected HOTP counter, or {@code null} for TOTP
 * @param lastUsedStep the last accepted TOTP step, or {@code null}
 * @param driftSteps the learned TOTP drift
 */
public record SeedState(UUID id, SealedSecret seed, OtpType otpType, HashFunction hashFunction, int digits,
		@Nullable Integer timeIntervalSeconds, @Nullable Long hotpCounter, @Nullable Long lastUsedStep,
		int driftSteps) {
}
