package io.keyfob.shared.secret;

import java.util.Set;

/**
 * The database holds secrets sealed under master keys that are not configured.
 */
final class WrongMasterKeyException extends RuntimeException {

	WrongMasterKeyException(Set<String> missingKeyIds, String currentKeyId) {
		super("The database holds seeds and keys sealed with master key id " + String.join(", ", missingKeyIds)
				+ ", but the configured master key has id " + currentKeyId);
	}

}
