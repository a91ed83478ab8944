package io.keyfob.authmethod;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What this module publishes: one event per action, past tense, ids only. Never a code, a
 * seed or a message that would contain one.
 * <p>
 * Every code attempt publishes exactly one of: {@link OtpVerified} or
 * {@link SignInSucceeded} (accepted), {@link OtpRejected} or {@link SignInFailed}
 * (rejected), or {@link MethodLockedOut} when that very attempt locked the method.
 * {@link VerificationContext.Channel#SIGN_IN} attempts publish the sign-in events, the
 * verify API the OTP events.
 */
public final class MethodEvents {

	private MethodEvents() {
	}

	/**
	 * A token was assigned to a user (Graph: assign).
	 *
	 * @param userId the user
	 * @param tokenId the token, also the method id
	 * @param actor who did it
	 */
	public record HardwareOathMethodAssigned(UUID userId, UUID tokenId, Actor actor) {
	}

	/**
	 * A token was taken from a user and is available again.
	 *
	 * @param userId the user
	 * @param tokenId the token
	 * @param actor who did it
	 */
	public record HardwareOathMethodUnassigned(UUID userId, UUID tokenId, Actor actor) {
	}

	/**
	 * A user's token was proven with a code and may now be used to sign in.
	 *
	 * @param userId the user
	 * @param tokenId the token
	 * @param actor who did it
	 * @param claimed whether the token was assigned in the same step (assign and
	 * activate)
	 */
	public record HardwareOathMethodActivated(UUID userId, UUID tokenId, Actor actor, boolean claimed) {
	}

	/**
	 * An activation did not succeed.
	 *
	 * @param userId the user
	 * @param tokenId the token
	 * @param actor who tried
	 * @param reason why
	 */
	public record ActivationFailed(UUID userId, UUID tokenId, Actor actor, Reason reason) {
	}

	/**
	 * A user's token was deactivated: still assigned, no longer usable to sign in.
	 *
	 * @param userId the user
	 * @param tokenId the token
	 * @param actor who did it
	 */
	public record HardwareOathMethodDeactivated(UUID userId, UUID tokenId, Actor actor) {
	}

	/**
	 * A user's token got a new display name.
	 *
	 * @param userId the user
	 * @param tokenId the token
	 * @param actor who did it
	 */
	public record HardwareOathMethodRenamed(UUID userId, UUID tokenId, Actor actor) {
	}

	/**
	 * A code from the verify API was accepted.
	 *
	 * @param userId the user
	 * @param tokenId the method whose code it was
	 * @param context where the code came from
	 */
	public record OtpVerified(UUID userId, UUID tokenId, VerificationContext context) {
	}

	/**
	 * A code from the verify API was not accepted.
	 *
	 * @param userId the user, or {@code null} if no user has the name given
	 * @param tokenId the method checked, or {@code null} when the user has no usable
	 * method
	 * @param reason why
	 * @param context where the code came from
	 */
	public record OtpRejected(@Nullable UUID userId, @Nullable UUID tokenId, Reason reason,
			VerificationContext context) {
	}

	/**
	 * The second step of a web sign-in succeeded.
	 *
	 * @param userId the user
	 * @param tokenId the method whose code it was
	 * @param context the client and address
	 */
	public record SignInSucceeded(UUID userId, UUID tokenId, VerificationContext context) {
	}

	/**
	 * The second step of a web sign-in failed.
	 *
	 * @param userId the user
	 * @param tokenId the method checked, or {@code null}
	 * @param reason why
	 * @param context the client and address
	 */
	public record SignInFailed(UUID userId, @Nullable UUID tokenId, Reason reason, VerificationContext context) {
	}

	/**
	 * A Temporary Access Pass was presented: at the sign-in page, or to the verify API or
	 * RADIUS where the pass policy allows it there. One event per attempt, published in
	 * the attempt's transaction; never the pass.
	 *
	 * @param userId the enabled user the name matched, or {@code null}
	 * @param userPrincipalName the name given, or {@code null} when the user was given by
	 * id
	 * @param reason {@code null} if the pass was accepted; else why not, for the sign-in
	 * log only: {@link Reason#LOCKED} (the lockout refused it, or this wrong pass
	 * locked), {@link Reason#REPLAYED} (the user's one-time pass, used up, perhaps by a
	 * parallel attempt a moment before) or {@link Reason#WRONG} (anything else)
	 * @param context where the pass came from
	 */
	public record TemporaryAccessPassPresented(@Nullable UUID userId, @Nullable String userPrincipalName,
			@Nullable Reason reason, VerificationContext context) {
	}

	/**
	 * A wrong code locked a method. Published instead of the rejection event of the
	 * attempt that caused the lock.
	 *
	 * @param userId the user
	 * @param tokenId the method
	 * @param failures the consecutive failures so far
	 * @param lockedUntil until when; {@code null} if only an admin can unlock it
	 * @param context where the code came from, or {@code null} for activation and resync
	 */
	public record MethodLockedOut(UUID userId, UUID tokenId, int failures, @Nullable Instant lockedUntil,
			@Nullable VerificationContext context) {
	}

	/**
	 * An administrator unlocked a method and cleared its failures.
	 *
	 * @param userId the user
	 * @param tokenId the method
	 * @param actor the administrator
	 */
	public record MethodUnlocked(UUID userId, UUID tokenId, Actor actor) {
	}

	/**
	 * A token's clock or counter was found again with two consecutive codes.
	 *
	 * @param userId the user
	 * @param tokenId the token
	 * @param actor who did it
	 * @param driftSteps the drift found (TOTP steps; HOTP presses past the expected
	 * counter)
	 */
	public record TokenResynchronised(UUID userId, UUID tokenId, Actor actor, int driftSteps) {
	}

	/**
	 * A resynchronisation did not succeed.
	 *
	 * @param userId the user
	 * @param tokenId the token
	 * @param actor who tried
	 * @param reason why
	 */
	public record ResyncFailed(UUID userId, UUID tokenId, Actor actor, Reason reason) {
	}

	/**
	 * Why a code was not accepted.
	 */
	public enum Reason {

		/** The code matched nothing. */
		WRONG,

		/** The code was right but already used. */
		REPLAYED,

		/** The method is locked; the code was not looked at. */
		LOCKED,

		/** The user has no activated method that the policy allows. */
		NO_METHOD,

		/**
		 * Every token the code could be for is outside its validity window
		 * ({@code validFrom}, {@code validUntil}); told to administrators only.
		 */
		EXPIRED,

		/**
		 * Activation: the code matched only far from the token's expected clock; the next
		 * code is needed.
		 */
		ADDITIONAL_CODE_REQUIRED

	}

}
