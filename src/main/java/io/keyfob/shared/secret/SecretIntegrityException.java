package io.keyfob.shared.secret;

/**
 * A sealed secret did not open: its row was edited, copied from another row, or sealed
 * under a master key that is not configured. Never a user mistake; the message names only
 * the context.
 */
public final class SecretIntegrityException extends RuntimeException {

	private SecretIntegrityException(String message) {
		super(message);
	}

	static SecretIntegrityException forContext(String context) {
		return new SecretIntegrityException(
				"The sealed secret of " + context + " does not open: the row was changed or copied from another row");
	}

	static SecretIntegrityException unknownKey(String keyId) {
		return new SecretIntegrityException("No configured master key has id " + keyId
				+ ": add the key that sealed it to keyfob.secrets.previous-master-keys");
	}

}
