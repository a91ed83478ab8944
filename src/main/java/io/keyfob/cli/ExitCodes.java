package io.keyfob.cli;

/**
 * The exit codes of {@code import}, for scripts; 0 to 2 mean what they mean for every
 * command. docs/admin-guide.md lists them.
 */
final class ExitCodes {

	/** Everything done: every row imported (or, in a dry run, importable). */
	static final int OK = 0;

	/**
	 * Done, but some rows were rejected (with {@code --all-or-nothing}: so nothing was
	 * stored); the report says which and why.
	 */
	static final int ROWS_REJECTED = 1;

	/**
	 * Wrong usage, a local file that cannot be read, or a file the server refused as a
	 * whole (format, key, password, size).
	 */
	static final int USAGE = 2;

	/** The server refused the client's credentials, or the client lacks a permission. */
	static final int ACCESS = 3;

	/**
	 * The server could not be reached, failed or is busy, or the job failed: try again
	 * later.
	 */
	static final int FAILED = 4;

	private ExitCodes() {
	}

	/**
	 * The exit code for an error answer of the server.
	 * @param status the HTTP status
	 * @return {@link #ACCESS}, {@link #USAGE} or {@link #FAILED}
	 */
	static int forStatus(int status) {
		return switch (status) {
			case 401, 403 -> ACCESS;
			case 400, 404, 413, 415 -> USAGE;
			default -> FAILED;
		};
	}

}
