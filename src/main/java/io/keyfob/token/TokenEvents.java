package io.keyfob.token;

import java.util.UUID;

/**
 * What the inventory publishes when it changes. Past tense, ids and serial numbers only:
 * never a seed.
 */
public final class TokenEvents {

	private TokenEvents() {
	}

	/**
	 * A token entered the inventory.
	 *
	 * @param tokenId the token
	 * @param serialNumber its serial number
	 */
	public record TokenCreated(UUID tokenId, String serialNumber) {
	}

	/**
	 * A token's properties changed.
	 *
	 * @param tokenId the token
	 * @param serialNumber its serial number
	 */
	public record TokenUpdated(UUID tokenId, String serialNumber) {
	}

	/**
	 * A token left the inventory.
	 *
	 * @param tokenId the token
	 * @param serialNumber its serial number
	 */
	public record TokenDeleted(UUID tokenId, String serialNumber) {
	}

	/**
	 * An admin reset a token's learned clock drift.
	 *
	 * @param tokenId the token
	 * @param serialNumber its serial number
	 * @param previousDriftSteps the drift before the reset
	 */
	public record TokenDriftReset(UUID tokenId, String serialNumber, int previousDriftSteps) {
	}

	/**
	 * An admin changed when a token's codes may be accepted.
	 *
	 * @param tokenId the token
	 * @param serialNumber its serial number
	 * @param previous the window before
	 * @param current the window now
	 */
	public record TokenValidityChanged(UUID tokenId, String serialNumber, TokenValidity previous,
			TokenValidity current) {
	}

}
