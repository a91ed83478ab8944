package io.keyfob.seedimport;

import java.util.Locale;

/**
 * Where an import job is.
 */
public enum SeedImportStatus {

	/** Waiting for a worker; the file was read and found to be a seed file. */
	QUEUED,

	/** Being checked or stored; the job's progress says how far it is. */
	RUNNING,

	/**
	 * Ran to its end. The report says what was stored and which rows were rejected; with
	 * rejected rows and all-or-nothing, nothing was stored.
	 */
	SUCCEEDED,

	/**
	 * Stopped before its end: an unexpected error, or its node stopped. The message says
	 * how much was stored.
	 */
	FAILED;

	/**
	 * The name in the API.
	 * @return such as {@code running}
	 */
	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether the job will change no more.
	 * @return {@code true} for succeeded and failed
	 */
	public boolean finished() {
		return this == SUCCEEDED || this == FAILED;
	}

}
