package io.keyfob.directory.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.DirectoryRole;
import io.keyfob.directory.RoleAssignment;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Directory role assignments. Rows with a role template id Keyfob does not know are
 * ignored.
 */
@Repository
public class JdbcRoleAssignments {

	private static final String COLUMNS = "id, principal_id, role_definition_id, directory_scope_id, created_date_time";

	private static final String INSERT = """
			insert into directory_role_assignment (id, principal_id, role_definition_id, directory_scope_id,
				created_date_time)
			values (:id, :principal, :role, :scope, :created)
			""";

	private static final String SELECT_BY_ID = "select " + COLUMNS + " from directory_role_assignment where id = :id";

	private static final String SELECT_ROLES = "select role_definition_id from directory_role_assignment where principal_id = :principal";

	private static final String DELETE = "delete from directory_role_assignment where id = :id";

	private final JdbcClient jdbc;

	JdbcRoleAssignments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(RoleAssignment assignment) {
		this.jdbc.sql(INSERT)
			.param("id", assignment.id())
			.param("principal", assignment.principalId())
			.param("role", assignment.role().templateId())
			.param("scope", assignment.directoryScopeId())
			.param("created", assignment.createdDateTime().atOffset(ZoneOffset.UTC))
			.update();
	}

	public Optional<RoleAssignment> findById(UUID id) {
		return this.jdbc.sql(SELECT_BY_ID).param("id", id).query(this::assignment).optional().flatMap((found) -> found);
	}

	/**
	 * Role assignments, optionally of one user or one role, oldest first.
	 * @param principalId only this user's, or {@code null}
	 * @param role only this role's, or {@code null}
	 * @return the assignments
	 */
	public List<RoleAssignment> find(@Nullable UUID principalId, @Nullable DirectoryRole role) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from directory_role_assignment where 1 = 1");
		if (principalId != null) {
			sql.append(" and principal_id = :principal");
		}
		if (role != null) {
			sql.append(" and role_definition_id = :role");
		}
		var statement = this.jdbc.sql(sql.append(" order by created_date_time, id").toString());
		if (principalId != null) {
			statement = statement.param("principal", principalId);
		}
		if (role != null) {
			statement = statement.param("role", role.templateId());
		}
		return statement.query(this::assignment).list().stream().flatMap(Optional::stream).toList();
	}

	public Set<DirectoryRole> rolesOf(UUID principalId) {
		Set<DirectoryRole> roles = EnumSet.noneOf(DirectoryRole.class);
		this.jdbc.sql(SELECT_ROLES)
			.param("principal", principalId)
			.query(UUID.class)
			.list()
			.forEach((id) -> DirectoryRole.fromTemplateId(id).ifPresent(roles::add));
		return roles;
	}

	public boolean delete(UUID id) {
		return this.jdbc.sql(DELETE).param("id", id).update() > 0;
	}

	private Optional<RoleAssignment> assignment(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		UUID principal = rs.getObject("principal_id", UUID.class);
		String scope = rs.getString("directory_scope_id");
		OffsetDateTime created = rs.getObject("created_date_time", OffsetDateTime.class);
		return DirectoryRole.fromTemplateId(rs.getObject("role_definition_id", UUID.class))
			.map((role) -> new RoleAssignment(id, principal, role, scope, created.toInstant()));
	}

}
