package io.keyfob.seedimport;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import io.keyfob.authmethod.Actor;
import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.seedimport.jdbc.JdbcSeedImportJobs;
import io.keyfob.seedimport.jdbc.JdbcSeedImportJobs.StoredJob;
import io.keyfob.shared.ApplicationNames;
import io.keyfob.shared.KeyfobException;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Seed file imports: the API for the HTTP adapter, the admin pages and the command line
 * (which goes through the HTTP adapter).
 * <p>
 * {@link #start} reads the whole file in the caller's thread, so a file that cannot be
 * read at all (unknown format, unsafe XML, wrong key, too large) is refused at once and
 * creates no job. The tokens then wait in memory, never on disk, for a worker of a small
 * bounded pool, which checks every token, stores the accepted ones in batches and writes
 * the report to the database, where {@link #status} finds it from any node: <pre>{@code
 * SeedImportJob job = seedImports.start(upload, SeedImportRequest.defaults().withFileName("tokens.csv"), importer);
 * ... seedImports.status(job.id()).progress() ...
 * }</pre>
 * <p>
 * Semantics: the whole file is checked before anything is stored; a rejected row never
 * holds back the others unless the request is all-or-nothing; a token already in the
 * inventory with the same secret and settings is reported unchanged (assigned if the file
 * names a user and it is available); another secret or other settings are rejected unless
 * the request asks to replace and the token is unassigned. Tokens a file assigns go
 * through {@link io.keyfob.authmethod.HardwareOathAssignments#assign}, with its checks.
 * <p>
 * No report, event, log line or exception contains a secret, key or password; secrets are
 * overwritten once sealed, and when an import is refused or fails.
 */
@Service
public class SeedImports {

	private final SeedFileReader reader = new SeedFileReader();

	private final JdbcSeedImportJobs jobs;

	private final ImportWorkers workers;

	private final ImportRunner runner;

	private final Directory directory;

	private final ApplicationNames applicationNames;

	private final SeedImportProperties properties;

	private final Clock clock;

	SeedImports(JdbcSeedImportJobs jobs, ImportWorkers workers, ImportRunner runner, Directory directory,
			ApplicationNames applicationNames, SeedImportProperties properties, Clock clock) {
		this.jobs = jobs;
		this.workers = workers;
		this.runner = runner;
		this.directory = directory;
		this.applicationNames = applicationNames;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Read a seed file and queue its import.
	 * @param upload the file's bytes; read to the end, not closed
	 * @param request the options; its key and password are overwritten before this
	 * returns
	 * @param importer who imports
	 * @return the queued job
	 * @throws KeyfobException if the file cannot be read at all (codes
	 * {@code unknownFileFormat}, {@code malformedFile}, {@code unsafeXml},
	 * {@code unsupportedFile}, {@code keyRequired}, {@code wrongKey},
	 * {@code macCheckFailed}, {@code tooManyRows}, {@code fileTooLarge},
	 * {@code noTokens}), assigns tokens without the right to
	 * ({@code Authorization_RequestDenied}), or this node is busy
	 * ({@code tooManyImports})
	 */
	public SeedImportJob start(InputStream upload, SeedImportRequest request, Importer importer) {
		Objects.requireNonNull(upload, "upload must not be null");
		Objects.requireNonNull(request, "request must not be null");
		Objects.requireNonNull(importer, "importer must not be null");
		SeedFile file;
		try {
			file = read(upload, request, importer.optionNames());
		}
		finally {
			request.clearKeys();
		}
		try {
			return queue(file, request, importer);
		}
		catch (RuntimeException ex) {
			file.clearSecrets();
			throw ex;
		}
	}

	/**
	 * The current state of a job; once it is finished, with its report.
	 * @param id the job
	 * @return the job
	 * @throws KeyfobException {@code importNotFound} if there is no such job (any more)
	 */
	public SeedImportJob status(UUID id) {
		SeedImportJob job = current(this.jobs.find(id).orElseThrow(() -> SeedImportErrors.jobNotFound(id)));
		if (!job.status().finished()) {
			return job;
		}
		List<SeedFileEntry> report = this.jobs.report(id);
		return job.withReport(entries(report, RowError.class), entries(report, RowWarning.class));
	}

	/**
	 * The latest jobs, newest first, without their reports.
	 * @param limit how many, 1 to 100
	 * @return the jobs
	 */
	public List<SeedImportJob> recent(int limit) {
		if (limit < 1 || limit > 100) {
			throw new IllegalArgumentException("limit must be 1 to 100");
		}
		return this.jobs.recent(limit).stream().map(this::current).toList();
	}

	private SeedFile read(InputStream upload, SeedImportRequest request, OptionNames names) {
		try {
			return this.reader.read(new LimitedInputStream(upload, this.properties.maxFileSize().toBytes()),
					request.readOptions(this.properties.maxRows()));
		}
		catch (SeedFileRejected ex) {
			throw SeedImportErrors.fileRejected(ex, names);
		}
		catch (LimitedInputStream.LimitExceeded ex) {
			throw SeedImportErrors.tooLarge(this.properties.maxFileSize());
		}
		catch (IOException ex) {
			throw SeedImportErrors.unreadable();
		}
	}

	private SeedImportJob queue(SeedFile file, SeedImportRequest request, Importer importer) {
		if (file.rowCount() == 0) {
			throw SeedImportErrors.noTokens();
		}
		int assigning = (int) file.records().stream().filter((record) -> record.owner() != null).count();
		if (assigning > 0 && !importer.mayAssign()) {
			throw SeedImportErrors.assignmentNotAllowed(assigning);
		}
		Instant now = this.clock.instant();
		this.jobs.deleteFinishedBefore(now.minus(this.properties.keepReports()));
		SeedImportJob job = new SeedImportJob(UUID.randomUUID(), SeedImportStatus.QUEUED, request.fileName(),
				file.format(), request.dryRun(), request.allOrNothing(), request.replace(),
				requestedBy(importer.actor()), new ImportProgress(file.rowCount(), 0, 0, 0), ImportCounts.NONE, null,
				now, null, null, List.of(), List.of());
		this.jobs.insert(job, this.workers.node());
		PendingImport pending = new PendingImport(job.id(), file, request, importer);
		// the worker publishes inventory events; the audit log reads who acted from the
		// security context of the publishing thread
		Runnable work = new DelegatingSecurityContextRunnable(() -> this.runner.run(pending),
				SecurityContextHolder.getContext());
		try {
			this.workers.submit(job.id(), work);
		}
		catch (RejectedExecutionException ex) {
			this.jobs.stop(job.id(), "Refused: the server was busy with other imports.", now);
			throw SeedImportErrors.busy(this.workers.held());
		}
		return job;
	}

	// A queued or running job whose node stopped renewing its heartbeat failed.
	private SeedImportJob current(StoredJob stored) {
		SeedImportJob job = stored.job();
		Instant now = this.clock.instant();
		Instant staleBefore = now.minus(this.properties.abandonedAfter());
		if (job.status().finished() || !stored.heartbeat().isBefore(staleBefore)) {
			return job;
		}
		this.jobs.abandon(job.id(), staleBefore, SeedImportErrors.ABANDONED, SeedImportErrors.ABANDONED_ALL_OR_NOTHING,
				now);
		return this.jobs.find(job.id()).map(StoredJob::job).orElse(job);
	}

	private static <T extends SeedFileEntry> List<T> entries(List<SeedFileEntry> report, Class<T> type) {
		return report.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private String requestedBy(Actor actor) {
		if (actor.kind() == Actor.Kind.APPLICATION || actor.userId() == null) {
			return "app " + this.applicationNames.displayName(actor.clientId());
		}
		return this.directory.findUser(actor.userId()).map(User::userPrincipalName).orElse(actor.userId().toString());
	}

}
