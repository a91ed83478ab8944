package io.keyfob.shared.secret;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a wrong master key into a start-up report that says what to do.
 */
class WrongMasterKeyFailureAnalyzer extends AbstractFailureAnalyzer<WrongMasterKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WrongMasterKeyException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Start Keyfob with the master key that sealed the seeds: set keyfob.secrets.master-key "
						+ "(or restore the master.key file in the data directory). After a key rotation, list "
						+ "the old key in keyfob.secrets.previous-master-keys until the seeds are re-wrapped.",
				cause);
	}

}
