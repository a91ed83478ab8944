package io.keyfob.token;

import java.time.Instant;
import java.util.UUID;

import io.keyfob.otp.HashFunction;
import org.jspecify.annotations.Nullable;

/**
 * One hardware token of the inventory, as everyone outside this module sees it:
 * everything but the seed. Immutable; the state changes are methods that guard the
 * current status and return the changed token, which only {@link TokenInventory} stores.
 *
 * @param id the token id (Graph: the device id, also the user's method id)
 * @param serialNumber the serial number printed on the token
 * @param displayName a friendly name, or {@code null}
 * @param manufacturer the vendor
 * @param model the model
 * @param otpType TOTP or HOTP
 * @param hashFunction the HMAC hash
 * @param digits the code length, 6 or 8
 * @param timeIntervalSeconds the TOTP step, 30 or 60; {@code null} for HOTP
 * @param status where the token is in its life cycle
 * @param assignedTo the user holding the token, or {@code null}
 * @param driftSteps how many steps the token's clock runs ahead (positive) or behind
 * @param createdDateTime when the token entered the inventory
 * @param lastUsedDateTime when a code of the token was last accepted, or {@code null}
 * @param version optimistic-locking version of the stored row
 * @param block why, by whom and when the token was blocked; {@code null} unless
 * {@link TokenStatus#BLOCKED}
 * @param validity when the token's codes may be accepted
 */
public record HardwareOathToken(UUID id, String serialNumber, @Nullable String displayName, String manufacturer,
		String model, OtpType otpType, HashFunction hashFunction, int digits, @Nullable Integer timeIntervalSeconds,
		TokenStatus status, @Nullable UUID assignedTo, int driftSteps, Instant createdDateTime,
		@Nullable Instant lastUsedDateTime, int version, @Nullable TokenBlock block, TokenValidity validity) {

	/**
	 * Give the token to a user. Only an available token can be assigned.
	 * @param userId the user
	 * @return the assigned token
	 */
	public HardwareOathToken assignTo(UUID userId) {
		requireNotBlocked();
		if (this.status != TokenStatus.AVAILABLE) {
			throw TokenStateException.alreadyAssigned(this);
		}
		return with(TokenStatus.ASSIGNED, userId);
	}

	/**
	 * Take the token back into the inventory, from whatever state it was in for its user.
	 * @return the available token
	 */
	public HardwareOathToken unassign() {
		requireAssigned();
		return with(TokenStatus.AVAILABLE, null);
	}

	/**
	 * Mark the token proven by a code. Allowed from assigned and failed activation;
	 * activating an activated token is a no-op.
	 * @return the activated token
	 */
	public HardwareOathToken activate() {
		requireAssigned();
		return with(TokenStatus.ACTIVATED, this.assignedTo);
	}

	/**
	 * Record a wrong activation code. The token stays with its user and activation may be
	 * retried.
	 * @return the token in failed activation, or unchanged when it is already activated
	 */
	public HardwareOathToken failActivation() {
		requireAssigned();
		return (this.status == TokenStatus.ACTIVATED) ? this : with(TokenStatus.FAILED_ACTIVATION, this.assignedTo);
	}

	/**
	 * Stop the token from signing in while leaving it with its user (Graph: deactivate).
	 * @return the assigned token
	 */
	public HardwareOathToken deactivate() {
		requireAssigned();
		return with(TokenStatus.ASSIGNED, this.assignedTo);
	}

	/**
	 * Take the token out of circulation: whoever held it loses it, and nobody can claim,
	 * assign, activate or use it until it is unblocked.
	 * @param newBlock why, by whom and when
	 * @return the blocked token
	 */
	public HardwareOathToken block(TokenBlock newBlock) {
		requireNotBlocked();
		return new HardwareOathToken(this.id, this.serialNumber, this.displayName, this.manufacturer, this.model,
				this.otpType, this.hashFunction, this.digits, this.timeIntervalSeconds, TokenStatus.BLOCKED, null,
				this.driftSteps, this.createdDateTime, this.lastUsedDateTime, this.version, newBlock, this.validity);
	}

	/**
	 * Put a blocked token back into the inventory, available, once it is found.
	 * @return the available token
	 */
	public HardwareOathToken unblock() {
		if (this.status != TokenStatus.BLOCKED) {
			throw TokenStateException.notBlocked(this);
		}
		return new HardwareOathToken(this.id, this.serialNumber, this.displayName, this.manufacturer, this.model,
				this.otpType, this.hashFunction, this.digits, this.timeIntervalSeconds, TokenStatus.AVAILABLE, null,
				this.driftSteps, this.createdDateTime, this.lastUsedDateTime, this.version, null, this.validity);
	}

	/**
	 * Change when the token's codes may be accepted; allowed in any status.
	 * @param newValidity the new window
	 * @return the changed token
	 */
	public HardwareOathToken withValidity(TokenValidity newValidity) {
		return new HardwareOathToken(this.id, this.serialNumber, this.displayName, this.manufacturer, this.model,
				this.otpType, this.hashFunction, this.digits, this.timeIntervalSeconds, this.status, this.assignedTo,
				this.driftSteps, this.createdDateTime, this.lastUsedDateTime, this.version, this.block, newValidity);
	}

	/**
	 * Whether a token of this kind can ever change its properties: only while nobody
	 * holds it.
	 * @return the token, if it may be changed
	 */
	HardwareOathToken requireUnassigned() {
		if (this.status.isAssigned()) {
			throw TokenStateException.assigned(this);
		}
		return this;
	}

	private void requireNotBlocked() {
		if (this.status == TokenStatus.BLOCKED) {
			throw TokenStateException.blocked(this);
		}
	}

	private void requireAssigned() {
		requireNotBlocked();
		if (!this.status.isAssigned()) {
			throw TokenStateException.notAssigned(this);
		}
	}

	// a token that leaves its user forgets when it was last used, as Graph's method does
	private HardwareOathToken with(TokenStatus newStatus, @Nullable UUID user) {
		return new HardwareOathToken(this.id, this.serialNumber, this.displayName, this.manufacturer, this.model,
				this.otpType, this.hashFunction, this.digits, this.timeIntervalSeconds, newStatus, user,
				this.driftSteps, this.createdDateTime, (user != null) ? this.lastUsedDateTime : null, this.version,
				this.block, this.validity);
	}

	HardwareOathToken withDetails(@Nullable String newDisplayName, String newManufacturer, String newModel,
			HashFunction newHashFunction, @Nullable Integer newTimeInterval) {
		return new HardwareOathToken(this.id, this.serialNumber, newDisplayName, newManufacturer, newModel,
				this.otpType, newHashFunction, this.digits, newTimeInterval, this.status, this.assignedTo,
				this.driftSteps, this.createdDateTime, this.lastUsedDateTime, this.version, this.block, this.validity);
	}

	/**
	 * Rename the token; allowed in any status (users name their own token).
	 * @param newDisplayName the new name, or {@code null} to clear it
	 * @return the renamed token
	 */
	public HardwareOathToken rename(@Nullable String newDisplayName) {
		return new HardwareOathToken(this.id, this.serialNumber, TokenRules.displayName(newDisplayName),
				this.manufacturer, this.model, this.otpType, this.hashFunction, this.digits, this.timeIntervalSeconds,
				this.status, this.assignedTo, this.driftSteps, this.createdDateTime, this.lastUsedDateTime,
				this.version, this.block, this.validity);
	}

}
