package io.keyfob.seedimport;

import java.util.Objects;

/**
 * Thrown when a seed file cannot be read at all, as opposed to single rows that cannot be
 * imported (those are {@link RowError}s). The message is meant for the person importing:
 * it says what is wrong and what to do, and never contains a secret, key or password.
 */
public final class SeedFileRejected extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Why a file was rejected, for callers that map it to an error code. */
	public enum Problem {

		/** The content matches no format Keyfob reads, or is empty. */
		UNKNOWN_FORMAT,

		/** The content is broken beyond single rows: bad XML, a bad header, not UTF-8. */
		MALFORMED,

		/**
		 * The XML declares a DTD or entities, refused to rule out XXE and entity bombs.
		 */
		UNSAFE_XML,

		/** The file uses an algorithm or feature Keyfob does not support. */
		UNSUPPORTED,

		/** The file is encrypted and no key or password was given. */
		KEY_REQUIRED,

		/** The key or password given does not decrypt the file. */
		WRONG_KEY,

		/** A MAC check failed and {@link MacCheck#REJECT_FILE} was asked for. */
		MAC_FAILED,

		/** The file has more rows than allowed. */
		TOO_MANY_ROWS

	}

	private final Problem problem;

	/**
	 * Creates the exception.
	 * @param problem the kind of problem
	 * @param message what is wrong and what to do; must not contain a secret
	 */
	public SeedFileRejected(Problem problem, String message) {
		super(message);
		this.problem = Objects.requireNonNull(problem, "problem must not be null");
	}

	/**
	 * Returns the kind of problem.
	 * @return the problem
	 */
	public Problem problem() {
		return this.problem;
	}

}
