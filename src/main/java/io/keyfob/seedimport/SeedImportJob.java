package io.keyfob.seedimport;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An import job as every node sees it: its status, progress and, once finished, its
 * report. Never contains a secret, key or password.
 *
 * @param id the job id
 * @param status queued, running, succeeded or failed
 * @param fileName the uploaded file's name, if given
 * @param format the format the file was read as
 * @param dryRun whether nothing is stored
 * @param allOrNothing whether nothing is stored if a row is rejected
 * @param replace whether unassigned tokens with another secret are overwritten
 * @param requestedBy who started it: a user principal name or {@code app <client id>}
 * @param progress how far it is
 * @param counts what it did, or for a dry run would do; final once finished
 * @param message a summary for people once finished, such as
 * {@code 3 rows: 2 created, 1 rejected}, or why it failed
 * @param createdDateTime when the file was uploaded
 * @param startedDateTime when a worker took it, or {@code null}
 * @param finishedDateTime when it finished, or {@code null}
 * @param rejectedRows the rows not imported, in file order, once finished; empty before
 * @param warnings the warnings about imported rows, in file order, once finished; empty
 * before
 */
public record SeedImportJob(UUID id, SeedImportStatus status, @Nullable String fileName, SeedFileFormat format,
		boolean dryRun, boolean allOrNothing, boolean replace, String requestedBy, ImportProgress progress,
		ImportCounts counts, @Nullable String message, Instant createdDateTime, @Nullable Instant startedDateTime,
		@Nullable Instant finishedDateTime, List<RowError> rejectedRows, List<RowWarning> warnings) {

	public SeedImportJob {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(status, "status must not be null");
		rejectedRows = List.copyOf(rejectedRows);
		warnings = List.copyOf(warnings);
	}

	/**
	 * Returns this job with its report.
	 * @param rejectedRows the rows not imported
	 * @param warnings the warnings
	 * @return the job
	 */
	public SeedImportJob withReport(List<RowError> rejectedRows, List<RowWarning> warnings) {
		return new SeedImportJob(this.id, this.status, this.fileName, this.format, this.dryRun, this.allOrNothing,
				this.replace, this.requestedBy, this.progress, this.counts, this.message, this.createdDateTime,
				this.startedDateTime, this.finishedDateTime, rejectedRows, warnings);
	}

}
