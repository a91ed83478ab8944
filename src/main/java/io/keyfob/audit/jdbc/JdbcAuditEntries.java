package io.keyfob.audit.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.audit.AuditCursor;
import io.keyfob.audit.AuditEntry;
import io.keyfob.audit.AuditKind;
import io.keyfob.audit.AuditPage;
import io.keyfob.audit.AuditQuery;
import io.keyfob.audit.AuditResult;
import io.keyfob.audit.AuditTarget;
import io.keyfob.shared.jdbc.SqlFilter;
import io.keyfob.shared.jdbc.SqlFilter.Column;
import io.keyfob.shared.jdbc.SqlFilter.Members;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * Appends entries and reads them back. Appending is two plain inserts (the entry and its
 * targets) with no lock, so it costs the audited request next to nothing; the chain
 * columns stay empty until {@link JdbcAuditChain} fills them.
 */
@Repository
public class JdbcAuditEntries {

	private static final String INSERT = """
			insert into audit_entry (id, kind, activity_date_time, category, activity, operation_type, result,
				result_reason, error_code, correlation_id, logged_by_service, actor_type, actor_id, actor_name, app_id,
				ip_address, user_id, user_principal_name, authentication_method, details)
			values (:id, :kind, :time, :category, :activity, :operationType, :result, :resultReason, :errorCode,
				:correlationId, :loggedByService, :actorType, :actorId, :actorName, :appId, :ipAddress, :userId,
				:userPrincipalName, :authenticationMethod, :details)
			""";

	private static final String INSERT_TARGET = """
			insert into audit_target (entry_id, position, target_id, target_type, display_name)
			values (:entryId, :position, :targetId, :targetType, :displayName)
			""";

	private static final String SELECT_BY_ID = "select " + AuditRows.COLUMNS
			+ " from audit_entry e where e.kind = :kind and e.id = :id";

	private static final String COUNT_SINCE = """
			select count(*) from audit_entry
			where kind = :kind and activity_date_time >= :since and result = :result
			""";

	private static final String COUNT_PENDING = "select count(*) from audit_entry where seq is null";

	// the columns of the filterable properties (AuditQuery#schema)
	private static final Map<String, Column> COLUMNS = Map.ofEntries(
			Map.entry(AuditQuery.ACTIVITY_DATE_TIME, Column.of("e.activity_date_time")),
			Map.entry(AuditQuery.CREATED_DATE_TIME, Column.of("e.activity_date_time")),
			Map.entry(AuditQuery.INITIATED_BY_USER, Column.nullable("e.actor_id")),
			Map.entry(AuditQuery.INITIATED_BY_APP, Column.nullable("e.actor_id")),
			Map.entry(AuditQuery.RESULT, Column.of("e.result").storing((r) -> ((AuditResult) r).graphName())),
			Map.entry(AuditQuery.STATUS_ERROR_CODE, Column.of("e.error_code")),
			Map.entry(AuditQuery.USER_ID, Column.nullable("e.user_id")),
			Map.entry(AuditQuery.USER_PRINCIPAL_NAME, Column.folded("lower(e.user_principal_name)", true)),
			Map.entry(AuditQuery.APP_ID, Column.nullable("e.app_id")),
			Map.entry(AuditQuery.CORRELATION_ID, Column.nullable("e.correlation_id")));

	private static final Map<String, Members> COLLECTIONS = Map.of(AuditQuery.TARGET_RESOURCES,
			new Members("select 1 from audit_target t where t.entry_id = e.id",
					Map.of(AuditQuery.TARGET_ID, Column.of("t.target_id"))));

	private final JdbcClient jdbc;

	JdbcAuditEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Append an entry, not yet chained.
	 * @param entry the entry; its fields must fit their columns
	 */
	public void insert(AuditEntry entry) {
		this.jdbc.sql(INSERT)
			.param("id", entry.id())
			.param("kind", entry.kind().storedName())
			.param("time", AuditRows.utc(entry.activityDateTime()))
			.param("category", entry.category())
			.param("activity", entry.activity())
			.param("operationType", entry.operationType())
			.param("result", entry.result().graphName())
			.param("resultReason", entry.resultReason())
			.param("errorCode", entry.errorCode())
			.param("correlationId", entry.correlationId())
			.param("loggedByService", entry.loggedByService())
			.param("actorType", entry.initiatedBy().type().storedName())
			.param("actorId", entry.initiatedBy().id())
			.param("actorName", entry.initiatedBy().name())
			.param("appId", entry.appId())
			.param("ipAddress", entry.ipAddress())
			.param("userId", entry.userId())
			.param("userPrincipalName", entry.userPrincipalName())
			.param("authenticationMethod", entry.authenticationMethod())
			.param("details", DetailsCodec.encode(entry.details()))
			.update();
		int position = 0;
		for (AuditTarget target : entry.targets()) {
			this.jdbc.sql(INSERT_TARGET)
				.param("entryId", entry.id())
				.param("position", position++)
				.param("targetId", target.id())
				.param("targetType", target.type())
				.param("displayName", target.displayName())
				.update();
		}
	}

	public Optional<AuditEntry> find(AuditKind kind, UUID id) {
		List<ChainedEntry> rows = this.jdbc.sql(SELECT_BY_ID)
			.param("kind", kind.storedName())
			.param("id", id)
			.query(AuditRows::row)
			.list();
		return AuditRows.withTargets(this.jdbc, rows).stream().findFirst().map(ChainedEntry::entry);
	}

	/**
	 * Read one page, newest first.
	 * @param query the conditions and the page size
	 * @return the page, with where the next one starts
	 */
	public AuditPage page(AuditQuery query) {
		StringBuilder sql = new StringBuilder("select ").append(AuditRows.COLUMNS)
			.append(" from audit_entry e where e.kind = :kind");
		List<Param> params = new ArrayList<>();
		params.add(new Param("kind", query.kind().storedName()));
		if (query.from() != null) {
			sql.append(" and e.activity_date_time >= :from");
			params.add(new Param("from", AuditRows.utc(query.from())));
		}
		if (query.to() != null) {
			sql.append(" and e.activity_date_time <= :to");
			params.add(new Param("to", AuditRows.utc(query.to())));
		}
		if (query.initiatorId() != null) {
			sql.append(" and e.actor_id = :initiatorId");
			params.add(new Param("initiatorId", query.initiatorId()));
		}
		if (query.targetId() != null) {
			sql.append(
					" and exists (select 1 from audit_target t where t.entry_id = e.id and t.target_id = :targetId)");
			params.add(new Param("targetId", query.targetId()));
		}
		if (query.result() != null) {
			sql.append(" and e.result = :result");
			params.add(new Param("result", query.result().graphName()));
		}
		if (query.userId() != null) {
			sql.append(" and e.user_id = :userId");
			params.add(new Param("userId", query.userId()));
		}
		if (query.userPrincipalName() != null) {
			sql.append(" and lower(e.user_principal_name) = :upn");
			params.add(new Param("upn", query.userPrincipalName().toLowerCase(Locale.ROOT)));
		}
		if (query.appId() != null) {
			sql.append(" and e.app_id = :appId");
			params.add(new Param("appId", query.appId()));
		}
		if (query.correlationId() != null) {
			sql.append(" and e.correlation_id = :correlationId");
			params.add(new Param("correlationId", query.correlationId()));
		}
		if (query.filter() != null) {
			SqlFilter filter = new SqlFilter(COLUMNS, COLLECTIONS, "f");
			sql.append(" and ").append(filter.condition(query.filter()));
			filter.params().forEach((name, value) -> params.add(new Param(name, value)));
		}
		if (query.after() != null) {
			sql.append(" and (e.activity_date_time < :afterTime")
				.append(" or (e.activity_date_time = :afterTime and e.id < :afterId))");
			params.add(new Param("afterTime", AuditRows.utc(query.after().activityDateTime())));
			params.add(new Param("afterId", query.after().id()));
		}
		sql.append(" order by e.activity_date_time desc, e.id desc limit ").append(query.limit() + 1);
		StatementSpec statement = this.jdbc.sql(sql.toString());
		for (Param param : params) {
			statement = statement.param(param.name(), param.value());
		}
		List<ChainedEntry> rows = statement.query(AuditRows::row).list();
		boolean more = rows.size() > query.limit();
		List<AuditEntry> entries = AuditRows.withTargets(this.jdbc, more ? rows.subList(0, query.limit()) : rows)
			.stream()
			.map(ChainedEntry::entry)
			.toList();
		AuditEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
		return new AuditPage(entries,
				(more && last != null) ? new AuditCursor(last.activityDateTime(), last.id()) : null);
	}

	/**
	 * Count entries of one kind and result since a time, for the flood warning.
	 * @param kind the log
	 * @param result the result
	 * @param since the start of the window
	 * @return the count
	 */
	public long countSince(AuditKind kind, AuditResult result, Instant since) {
		return this.jdbc.sql(COUNT_SINCE)
			.param("kind", kind.storedName())
			.param("since", AuditRows.utc(since))
			.param("result", result.graphName())
			.query(Long.class)
			.single();
	}

	/**
	 * Count entries that wait to be chained.
	 * @return the count
	 */
	public long countPending() {
		return this.jdbc.sql(COUNT_PENDING).query(Long.class).single();
	}

	private record Param(String name, Object value) {
	}

}
