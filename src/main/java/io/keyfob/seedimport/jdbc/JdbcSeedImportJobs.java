package io.keyfob.seedimport.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.seedimport.ImportCounts;
import io.keyfob.seedimport.ImportProgress;
import io.keyfob.seedimport.Location;
import io.keyfob.seedimport.RowError;
import io.keyfob.seedimport.RowWarning;
import io.keyfob.seedimport.SeedFileEntry;
import io.keyfob.seedimport.SeedFileFormat;
import io.keyfob.seedimport.SeedImportJob;
import io.keyfob.seedimport.SeedImportStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import job tables. Every write is a transaction of its own, so a job's progress is
 * visible to other nodes at once, even while its tokens are stored in a transaction that
 * has not committed yet (all-or-nothing imports).
 */
@Repository
public class JdbcSeedImportJobs {

	private static final String COLUMNS = """
			id, status, file_name, format, dry_run, all_or_nothing, replace_existing, requested_by, total_rows,
			validated_rows, rows_to_store, stored_rows, created_count, replaced_count, unchanged_count,
			assigned_count, rejected_count, warning_count, message, created_date_time, started_date_time,
			finished_date_time, heartbeat_date_time
			""";

	private static final String INSERT = """
			insert into seed_import_job (id, status, file_name, format, dry_run, all_or_nothing, replace_existing,
				requested_by, total_rows, created_date_time, heartbeat_date_time, node_name)
			values (:id, 'QUEUED', :fileName, :format, :dryRun, :allOrNothing, :replace, :requestedBy, :totalRows,
				:now, :now, :node)
			""";

	private static final String MARK_RUNNING = """
			update seed_import_job set status = 'RUNNING', started_date_time = :now, heartbeat_date_time = :now
			where id = :id and status = 'QUEUED'
			""";

	private static final String PROGRESS = """
			update seed_import_job
			set validated_rows = :validated, rows_to_store = :toStore, stored_rows = :stored,
				heartbeat_date_time = :now
			where id = :id and status = 'RUNNING'
			""";

	private static final String TOUCH = """
			update seed_import_job set heartbeat_date_time = :now
			where id in (:ids) and status in ('QUEUED', 'RUNNING')
			""";

	private static final String FINISH = """
			update seed_import_job
			set status = :status, validated_rows = :validated, rows_to_store = :toStore, stored_rows = :stored,
				created_count = :created,
				replaced_count = :replaced, unchanged_count = :unchanged, assigned_count = :assigned,
				rejected_count = :rejected, warning_count = :warnings, message = :message, finished_date_time = :now,
				heartbeat_date_time = :now
			where id = :id and status in ('QUEUED', 'RUNNING')
			""";

	private static final String INSERT_PROBLEM = """
			insert into seed_import_problem (job_id, row_index, kind, location_kind, location_number, serial_number,
				reason)
			values (:jobId, :index, :kind, :locationKind, :locationNumber, :serialNumber, :reason)
			""";

	// an all-or-nothing job that did not finish did not commit: nothing of it is stored
	private static final String FAILED_UNFINISHED = """
			update seed_import_job set status = 'FAILED',
				stored_rows = case when all_or_nothing then 0 else stored_rows end,
				message = case when all_or_nothing then :allOrNothingMessage else :message end,
				finished_date_time = :now
			""";

	private static final String ABANDON = FAILED_UNFINISHED + """
			where id = :id and status in ('QUEUED', 'RUNNING') and heartbeat_date_time < :staleBefore
			""";

	private static final String FAIL_ORPHANS = FAILED_UNFINISHED + """
			where node_name = :node and status in ('QUEUED', 'RUNNING')
			""";

	private static final String STOP = """
			update seed_import_job set status = 'FAILED', message = :message, finished_date_time = :now
			where id = :id and status in ('QUEUED', 'RUNNING')
			""";

	private static final String SELECT_BY_ID = "select " + COLUMNS + " from seed_import_job where id = :id";

	private static final String SELECT_RECENT = "select " + COLUMNS
			+ " from seed_import_job order by created_date_time desc, id limit :limit";

	private static final String SELECT_PROBLEMS = """
			select kind, location_kind, location_number, serial_number, reason from seed_import_problem
			where job_id = :id order by row_index
			""";

	private static final String DELETE_FINISHED_BEFORE = """
			delete from seed_import_job where finished_date_time is not null and finished_date_time < :before
			""";

	private static final String REJECTED = "REJECTED";

	private static final String WARNING = "WARNING";

	private static final int MAX_MESSAGE = 1024;

	private static final int MAX_REASON = 2048;

	private static final int MAX_TEXT = 256;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcOperations batch;

	JdbcSeedImportJobs(JdbcClient jdbc, NamedParameterJdbcOperations batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Store a new, queued job.
	 * @param job the job
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void insert(SeedImportJob job, String node) {
		this.jdbc.sql(INSERT)
			.param("id", job.id())
			.param("fileName", cut(job.fileName(), MAX_TEXT))
			.param("format", job.format().name())
			.param("dryRun", job.dryRun())
			.param("allOrNothing", job.allOrNothing())
			.param("replace", job.replace())
			.param("requestedBy", cut(job.requestedBy(), MAX_TEXT))
			.param("totalRows", job.progress().totalRows())
			.param("now", utc(job.createdDateTime()))
			.param("node", cut(node, MAX_TEXT))
			.update();
	}

	/**
	 * Mark a queued job as taken by a worker.
	 * @return {@code false} if the job is no longer queued
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean markRunning(UUID id, Instant now) {
		return this.jdbc.sql(MARK_RUNNING).param("id", id).param("now", utc(now)).update() == 1;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void progress(UUID id, ImportProgress progress, Instant now) {
		this.jdbc.sql(PROGRESS)
			.param("id", id)
			.param("validated", progress.validatedRows())
			.param("toStore", progress.rowsToStore())
			.param("stored", progress.storedRows())
			.param("now", utc(now))
			.update();
	}

	/**
	 * Renew the heartbeat of jobs this node holds.
	 * @param ids the jobs
	 * @param now the time
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void touch(Collection<UUID> ids, Instant now) {
		if (!ids.isEmpty()) {
			this.jdbc.sql(TOUCH).param("ids", List.copyOf(ids)).param("now", utc(now)).update();
		}
	}

	/**
	 * Record how a job ended, with its report: in the caller's transaction if there is
	 * one, so an all-or-nothing import's tokens and its final status commit together.
	 * @param id the job
	 * @param status succeeded or failed
	 * @param progress the final progress
	 * @param counts the final counts
	 * @param message the summary
	 * @param rejected the rows not imported, in file order
	 * @param warnings the warnings, in file order
	 * @param now the time
	 */
	@Transactional
	public void finish(UUID id, SeedImportStatus status, ImportProgress progress, ImportCounts counts, String message,
			List<RowError> rejected, List<RowWarning> warnings, Instant now) {
		int updated = this.jdbc.sql(FINISH)
			.param("id", id)
			.param("status", status.name())
			.param("validated", progress.validatedRows())
			.param("toStore", progress.rowsToStore())
			.param("stored", progress.storedRows())
			.param("created", counts.created())
			.param("replaced", counts.replaced())
			.param("unchanged", counts.unchanged())
			.param("assigned", counts.assigned())
			.param("rejected", counts.rejected())
			.param("warnings", counts.warnings())
			.param("message", cut(message, MAX_MESSAGE))
			.param("now", utc(now))
			.update();
		if (updated == 1 && rejected.size() + warnings.size() > 0) {
			List<SqlParameterSource> rows = new ArrayList<>();
			rejected.forEach((error) -> rows.add(problemParameters(id, rows.size(), REJECTED, error.location(),
					error.serialNumber(), error.reason())));
			warnings.forEach((warning) -> rows.add(problemParameters(id, rows.size(), WARNING, warning.location(),
					warning.serialNumber(), warning.message())));
			this.batch.batchUpdate(INSERT_PROBLEM, rows.toArray(SqlParameterSource[]::new));
		}
	}

	/**
	 * Mark a job as failed if its node stopped renewing its heartbeat.
	 * @return {@code true} if the job was marked
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean abandon(UUID id, Instant staleBefore, String message, String allOrNothingMessage, Instant now) {
		return this.jdbc.sql(ABANDON)
			.param("id", id)
			.param("staleBefore", utc(staleBefore))
			.param("message", cut(message, MAX_MESSAGE))
			.param("allOrNothingMessage", cut(allOrNothingMessage, MAX_MESSAGE))
			.param("now", utc(now))
			.update() == 1;
	}

	/**
	 * Fail the jobs a node left queued or running when it stopped without finishing them
	 * (a crash), for that node when it starts again.
	 * @param node the node's name
	 * @param message why, for jobs whose stored tokens stay stored
	 * @param allOrNothingMessage why, for all-or-nothing jobs, which stored nothing
	 * @param now the time
	 * @return how many jobs were failed
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int failOrphans(String node, String message, String allOrNothingMessage, Instant now) {
		return this.jdbc.sql(FAIL_ORPHANS)
			.param("node", cut(node, MAX_TEXT))
			.param("message", cut(message, MAX_MESSAGE))
			.param("allOrNothingMessage", cut(allOrNothingMessage, MAX_MESSAGE))
			.param("now", utc(now))
			.update();
	}

	/**
	 * Mark a queued or running job as failed, for a node that stops.
	 * @param id the job
	 * @param message why
	 * @param now the time
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void stop(UUID id, String message, Instant now) {
		this.jdbc.sql(STOP).param("id", id).param("message", cut(message, MAX_MESSAGE)).param("now", utc(now)).update();
	}

	public Optional<StoredJob> find(UUID id) {
		return this.jdbc.sql(SELECT_BY_ID).param("id", id).query(JOB).optional();
	}

	public List<StoredJob> recent(int limit) {
		return this.jdbc.sql(SELECT_RECENT).param("limit", limit).query(JOB).list();
	}

	/**
	 * A finished job's report.
	 * @param id the job
	 * @return its rejected rows ({@link RowError}) and warnings ({@link RowWarning}),
	 * rejected rows first
	 */
	public List<SeedFileEntry> report(UUID id) {
		return this.jdbc.sql(SELECT_PROBLEMS).param("id", id).query(JdbcSeedImportJobs::problem).list();
	}

	/**
	 * Forget jobs, and their reports, that finished before a time.
	 * @param before the time
	 * @return how many jobs were removed
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int deleteFinishedBefore(Instant before) {
		return this.jdbc.sql(DELETE_FINISHED_BEFORE).param("before", utc(before)).update();
	}

	/**
	 * A job as stored, with the heartbeat of the node that holds it.
	 *
	 * @param job the job, without its report
	 * @param heartbeat when its node last showed it was alive
	 */
	public record StoredJob(SeedImportJob job, Instant heartbeat) {
	}

	private static MapSqlParameterSource problemParameters(UUID jobId, int index, String kind, Location location,
			@Nullable String serialNumber, String reason) {
		return new MapSqlParameterSource().addValue("jobId", jobId)
			.addValue("index", index)
			.addValue("kind", kind)
			.addValue("locationKind", location.kind().name())
			.addValue("locationNumber", location.number())
			.addValue("serialNumber", cut(serialNumber, MAX_TEXT))
			.addValue("reason", cut(reason, MAX_REASON));
	}

	private static SeedFileEntry problem(ResultSet rs, int row) throws SQLException {
		Location location = new Location(Location.Kind.valueOf(rs.getString("location_kind")),
				rs.getInt("location_number"));
		String serialNumber = rs.getString("serial_number");
		String reason = rs.getString("reason");
		return REJECTED.equals(rs.getString("kind")) ? new RowError(location, serialNumber, reason)
				: new RowWarning(location, serialNumber, reason);
	}

	private static final RowMapper<StoredJob> JOB = (rs, row) -> new StoredJob(new SeedImportJob(
			rs.getObject("id", UUID.class), SeedImportStatus.valueOf(rs.getString("status")), rs.getString("file_name"),
			SeedFileFormat.valueOf(rs.getString("format")), rs.getBoolean("dry_run"), rs.getBoolean("all_or_nothing"),
			rs.getBoolean("replace_existing"), rs.getString("requested_by"),
			new ImportProgress(rs.getInt("total_rows"), rs.getInt("validated_rows"), rs.getInt("rows_to_store"),
					rs.getInt("stored_rows")),
			new ImportCounts(rs.getInt("created_count"), rs.getInt("replaced_count"), rs.getInt("unchanged_count"),
					rs.getInt("assigned_count"), rs.getInt("rejected_count"), rs.getInt("warning_count")),
			rs.getString("message"), instant(rs, "created_date_time"), optionalInstant(rs, "started_date_time"),
			optionalInstant(rs, "finished_date_time"), List.of(), List.of()), instant(rs, "heartbeat_date_time"));

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant optionalInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static @Nullable String cut(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
