package io.keyfob.cli;

/**
 * Ends a command with a message for the person at the terminal and an exit code other
 * than the usual 2.
 */
final class CommandFailed extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int exitCode;

	CommandFailed(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return this.exitCode;
	}

}
