package io.keyfob.audit.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.keyfob.audit.AuditActor;
import io.keyfob.audit.AuditEntry;
import io.keyfob.audit.AuditKind;
import io.keyfob.audit.AuditResult;
import io.keyfob.audit.AuditTarget;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads entries and their targets; shared by the query and the chain repositories.
 */
final class AuditRows {

	static final String COLUMNS = """
			e.id, e.seq, e.kind, e.activity_date_time, e.category, e.activity, e.operation_type, e.result,
			e.result_reason, e.error_code, e.correlation_id, e.logged_by_service, e.actor_type, e.actor_id,
			e.actor_name, e.app_id, e.ip_address, e.user_id, e.user_principal_name, e.authentication_method,
			e.details, e.prev_hash, e.hash
			""";

	private static final String SELECT_TARGETS = """
			select entry_id, position, target_id, target_type, display_name from audit_target
			where entry_id in (:ids) order by entry_id, position
			""";

	private AuditRows() {
	}

	/**
	 * Read the chained columns and the entry without its targets, which
	 * {@link #withTargets} adds.
	 */
	static ChainedEntry row(ResultSet rs, int row) throws SQLException {
		String actorType = rs.getString("actor_type");
		AuditEntry entry = new AuditEntry(rs.getObject("id", UUID.class), rs.getObject("seq", Long.class),
				AuditKind.fromStoredName(rs.getString("kind")), instant(rs, "activity_date_time"),
				rs.getString("category"), rs.getString("activity"), rs.getString("operation_type"),
				AuditResult.fromGraphName(rs.getString("result")).orElse(AuditResult.FAILURE),
				rs.getString("result_reason"), rs.getInt("error_code"), rs.getString("correlation_id"),
				rs.getString("logged_by_service"),
				new AuditActor(AuditActor.Type.fromStoredName(actorType), rs.getString("actor_id"),
						rs.getString("actor_name")),
				rs.getString("app_id"), rs.getString("ip_address"), rs.getObject("user_id", UUID.class),
				rs.getString("user_principal_name"), rs.getString("authentication_method"), List.of(),
				DetailsCodec.decode(rs.getString("details")));
		return new ChainedEntry(entry, rs.getString("prev_hash"), rs.getString("hash"));
	}

	static List<ChainedEntry> withTargets(JdbcClient jdbc, List<ChainedEntry> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<UUID, List<AuditTarget>> targets = targets(jdbc, rows.stream().map((r) -> r.entry().id()).toList());
		List<ChainedEntry> result = new ArrayList<>(rows.size());
		for (ChainedEntry row : rows) {
			List<AuditTarget> found = targets.get(row.entry().id());
			result.add((found == null) ? row
					: new ChainedEntry(withTargets(row.entry(), found), row.previousHash(), row.hash()));
		}
		return result;
	}

	private static Map<UUID, List<AuditTarget>> targets(JdbcClient jdbc, Collection<UUID> ids) {
		Map<UUID, List<AuditTarget>> targets = new HashMap<>();
		jdbc.sql(SELECT_TARGETS).param("ids", ids).query((rs) -> {
			targets.computeIfAbsent(rs.getObject("entry_id", UUID.class), (id) -> new ArrayList<>())
				.add(new AuditTarget(rs.getString("target_id"), rs.getString("target_type"),
						rs.getString("display_name")));
		});
		return targets;
	}

	private static AuditEntry withTargets(AuditEntry e, List<AuditTarget> targets) {
		return new AuditEntry(e.id(), e.sequence(), e.kind(), e.activityDateTime(), e.category(), e.activity(),
				e.operationType(), e.result(), e.resultReason(), e.errorCode(), e.correlationId(), e.loggedByService(),
				e.initiatedBy(), e.appId(), e.ipAddress(), e.userId(), e.userPrincipalName(), e.authenticationMethod(),
				targets, e.details());
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static @Nullable OffsetDateTime utcOrNull(@Nullable Instant instant) {
		return (instant != null) ? utc(instant) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
