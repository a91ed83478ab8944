package io.keyfob.seedimport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.keyfob.authmethod.HardwareOathAssignments;
import io.keyfob.directory.Directory;
import io.keyfob.seedimport.SeedImportEvents.SeedFileImportFailed;
import io.keyfob.seedimport.SeedImportEvents.SeedFileImported;
import io.keyfob.seedimport.jdbc.JdbcSeedImportJobs;
import io.keyfob.token.TokenInventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one import on a worker thread: checks every token, then, unless it is a dry run or
 * an all-or-nothing import with rejected rows, stores the accepted ones chunk by chunk,
 * recording progress as it goes, and finally the report. Every secret is overwritten when
 * the run ends, however it ends.
 */
@Component
class ImportRunner {

	private static final Logger logger = LoggerFactory.getLogger(ImportRunner.class);

	private final TokenInventory inventory;

	private final HardwareOathAssignments assignments;

	private final Directory directory;

	private final JdbcSeedImportJobs jobs;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final SeedImportProperties properties;

	private final Clock clock;

	ImportRunner(TokenInventory inventory, HardwareOathAssignments assignments, Directory directory,
			JdbcSeedImportJobs jobs, TransactionTemplate transactions, ApplicationEventPublisher events,
			SeedImportProperties properties, Clock clock) {
		this.inventory = inventory;
		this.assignments = assignments;
		this.directory = directory;
		this.jobs = jobs;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	void run(PendingImport pending) {
		UUID id = pending.jobId();
		RunReport report = new RunReport(pending.file(), pending.importer().optionNames());
		List<ImportCandidate> candidates = new ArrayList<>();
		try {
			if (!this.jobs.markRunning(id, this.clock.instant())) {
				return;
			}
			check(pending, report, candidates);
			SeedImportRequest request = pending.request();
			if (request.dryRun()) {
				succeed(pending, report, candidates, report.summary(report.counts(candidates, true), true), false);
			}
			else if (request.allOrNothing() && report.rejected() > 0) {
				succeed(pending, report, candidates, nothingStored(report.rejected()), false);
			}
			else {
				store(pending, report, candidates);
			}
		}
		catch (Stopped ex) {
			fail(pending, report, candidates, "The server stopped during this import");
		}
		catch (RuntimeException ex) {
			logger.error("Seed import {} failed", id, ex);
			fail(pending, report, candidates,
					"The import stopped on an unexpected error (see the server log for " + "import " + id + ")");
		}
		finally {
			candidates.forEach(ImportCandidate::destroySecret);
			pending.file().clearSecrets();
		}
	}

	private void check(PendingImport pending, RunReport report, List<ImportCandidate> candidates) {
		Owners owners = new Owners(this.directory, this.assignments, pending.importer().actor());
		ImportValidation validation = new ImportValidation(this.inventory, owners, pending.request(),
				pending.file().format(), report);
		for (List<SeedRecord> chunk : chunks(pending.file().records())) {
			stopIfInterrupted();
			candidates.addAll(validation.check(chunk));
			report.validated(chunk.size());
			progress(pending, report);
		}
	}

	private void store(PendingImport pending, RunReport report, List<ImportCandidate> candidates) {
		boolean allOrNothing = pending.request().allOrNothing();
		ImportStorage storage = new ImportStorage(this.inventory, this.assignments, this.transactions,
				pending.importer().actor(), report, allOrNothing);
		List<ImportCandidate> writes = candidates.stream().filter(ImportCandidate::writes).toList();
		report.toStore(writes.size());
		progress(pending, report);
		try {
			if (allOrNothing) {
				// the final status commits with the tokens, or neither does
				this.transactions.executeWithoutResult((status) -> {
					storeChunks(pending, report, storage, writes);
					succeed(pending, report, candidates, report.summary(report.counts(candidates, false), false), true);
				});
				return;
			}
			storeChunks(pending, report, storage, writes);
		}
		catch (ImportStorage.Refused ex) {
			// rolled back: nothing of this import is stored
			candidates.forEach((candidate) -> candidate.markStored(false));
			report.storedSoFar(0);
			report.reject(ex.candidate(), ex.getMessage());
			succeed(pending, report, candidates, nothingStored(report.rejected()), false);
			return;
		}
		catch (RuntimeException ex) {
			if (allOrNothing) {
				candidates.forEach((candidate) -> candidate.markStored(false));
				report.storedSoFar(0);
			}
			throw ex;
		}
		succeed(pending, report, candidates, report.summary(report.counts(candidates, false), false), true);
	}

	private void storeChunks(PendingImport pending, RunReport report, ImportStorage storage,
			List<ImportCandidate> writes) {
		for (List<ImportCandidate> chunk : chunks(writes)) {
			stopIfInterrupted();
			storage.store(chunk);
			progress(pending, report);
		}
	}

	private void succeed(PendingImport pending, RunReport report, List<ImportCandidate> candidates, String message,
			boolean stored) {
		boolean planned = pending.request().dryRun();
		ImportCounts counts = report.counts(candidates, planned);
		this.jobs.finish(pending.jobId(), SeedImportStatus.SUCCEEDED, report.progress(), counts, message,
				report.rejectedRows(), report.warnings(), this.clock.instant());
		this.events
			.publishEvent(new SeedFileImported(pending.jobId(), pending.request().fileName(), pending.file().format(),
					planned, stored && report.progress().storedRows() > 0, counts, pending.importer().actor()));
	}

	private void fail(PendingImport pending, RunReport report, List<ImportCandidate> candidates, String cause) {
		ImportProgress progress = report.progress();
		boolean nothingStored = progress.storedRows() == 0 || pending.request().allOrNothing();
		String message = nothingStored ? cause + "; nothing was stored. Import the file again."
				: String.format(Locale.ROOT,
						"%s after storing %,d of %,d tokens. Tokens stored so far stay stored: import the file again, "
								+ "they are reported as unchanged.",
						cause, progress.storedRows(), progress.totalRows());
		try {
			this.jobs.finish(pending.jobId(), SeedImportStatus.FAILED, progress, report.counts(candidates, false),
					message, report.rejectedRows(), report.warnings(), this.clock.instant());
			this.events.publishEvent(new SeedFileImportFailed(pending.jobId(), pending.request().fileName(),
					pending.file().format(), progress.storedRows(), pending.importer().actor()));
		}
		catch (RuntimeException ex) {
			logger.error("Could not record the failure of seed import {}", pending.jobId(), ex);
		}
	}

	private void progress(PendingImport pending, RunReport report) {
		ImportProgress progress = report.progress();
		this.jobs.progress(pending.jobId(), progress, this.clock.instant());
	}

	private <T> List<List<T>> chunks(List<T> all) {
		int size = this.properties.batchSize();
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += size) {
			chunks.add(all.subList(from, Math.min(all.size(), from + size)));
		}
		return chunks;
	}

	private static String nothingStored(int rejected) {
		return String.format(Locale.ROOT,
				"Nothing was stored: %,d %s rejected and the import was all-or-nothing. Fix %s and import the file "
						+ "again.",
				rejected, (rejected == 1) ? "row was" : "rows were", (rejected == 1) ? "it" : "them");
	}

	private static void stopIfInterrupted() {
		if (Thread.currentThread().isInterrupted()) {
			throw new Stopped();
		}
	}

	/** The node is stopping: the run ends between two chunks. */
	private static final class Stopped extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
