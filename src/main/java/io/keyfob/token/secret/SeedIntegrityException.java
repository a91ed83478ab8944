package io.keyfob.token.secret;

import java.util.UUID;

/**
 * A sealed seed did not open: its row was edited, copied from another token, or sealed
 * under a master key that is not configured. Never a user mistake; the message names only
 * the token.
 */
public final class SeedIntegrityException extends RuntimeException {

	private SeedIntegrityException(String message) {
		super(message);
	}

	static SeedIntegrityException forToken(UUID tokenId) {
		return new SeedIntegrityException("The sealed seed of token " + tokenId
				+ " does not open: the row was changed or copied from another token");
	}

	static SeedIntegrityException unknownKey(String keyId) {
		return new SeedIntegrityException("No configured master key has id " + keyId
				+ ": add the key that sealed it to keyfob.secrets.previous-master-keys");
	}

}
