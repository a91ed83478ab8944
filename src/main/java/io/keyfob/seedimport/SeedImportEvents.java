package io.keyfob.seedimport;

import java.util.UUID;

import io.keyfob.authmethod.Actor;
import org.jspecify.annotations.Nullable;

/**
 * What the import module publishes when a job ends. Past tense; counts, names and ids
 * only, never a secret. The tokens themselves publish their own inventory and method
 * events as they are stored.
 */
public final class SeedImportEvents {

	private SeedImportEvents() {
	}

	/**
	 * An import ran to its end. With rejected rows and all-or-nothing, or in a dry run,
	 * nothing was stored ({@code stored} is {@code false}).
	 *
	 * @param jobId the job
	 * @param fileName the file's name, if given
	 * @param format the format it was read as
	 * @param dryRun whether it was a dry run
	 * @param stored whether tokens were stored
	 * @param counts what it did, or would have done
	 * @param actor who started it
	 */
	public record SeedFileImported(UUID jobId, @Nullable String fileName, SeedFileFormat format, boolean dryRun,
			boolean stored, ImportCounts counts, Actor actor) {
	}

	/**
	 * An import stopped before its end: an unexpected error, or the server stopped.
	 *
	 * @param jobId the job
	 * @param fileName the file's name, if given
	 * @param format the format it was read as
	 * @param storedRows how many rows were stored before it stopped
	 * @param actor who started it
	 */
	public record SeedFileImportFailed(UUID jobId, @Nullable String fileName, SeedFileFormat format, int storedRows,
			Actor actor) {
	}

}
