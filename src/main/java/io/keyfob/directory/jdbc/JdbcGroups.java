package io.keyfob.directory.jdbc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.Group;
import io.keyfob.directory.User;
import io.keyfob.shared.filter.Filter;
import io.keyfob.shared.jdbc.SqlFilter;
import io.keyfob.shared.jdbc.SqlFilter.Column;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Groups and their members.
 */
@Repository
public class JdbcGroups {

	private static final String COLUMNS = "id, display_name, description, created_date_time";

	// the columns of the filterable properties (Group#FILTER_SCHEMA)
	private static final Map<String, Column> FILTER_COLUMNS = Map.of("id", Column.of("id"), "displayName",
			Column.folded("display_name_key", false));

	private static final String INSERT = """
			insert into directory_group (id, display_name, display_name_key, description, created_date_time)
			values (:id, :displayName, :key, :description, :created)
			""";

	private static final String SELECT_BY_ID = "select " + COLUMNS + " from directory_group where id = :id";

	private static final String SELECT_BY_NAME = "select " + COLUMNS
			+ " from directory_group where display_name_key = :key order by id";

	private static final String INSERT_MEMBER = "insert into directory_group_member (group_id, user_id) values (?, ?)";

	private static final String DELETE_MEMBER = "delete from directory_group_member where group_id = :group and user_id = :user";

	private static final String IS_MEMBER = """
			select count(*) from directory_group_member where user_id = :user and group_id in (:groups)
			""";

	private static final String SELECT_MEMBERS = """
			select u.id, u.user_principal_name, u.display_name, u.account_enabled, u.created_date_time
			from directory_group_member m join directory_user u on u.id = m.user_id
			where m.group_id = :group%s
			order by u.upn_key limit :limit
			""";

	private static final RowMapper<Group> GROUP = (rs, row) -> new Group(rs.getObject("id", UUID.class),
			rs.getString("display_name"), rs.getString("description"),
			rs.getObject("created_date_time", OffsetDateTime.class).toInstant());

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	JdbcGroups(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	public void insert(Group group) {
		this.jdbc.sql(INSERT)
			.param("id", group.id())
			.param("displayName", group.displayName())
			.param("key", key(group.displayName()))
			.param("description", group.description())
			.param("created", group.createdDateTime().atOffset(ZoneOffset.UTC))
			.update();
	}

	public Optional<Group> findById(UUID id) {
		return this.jdbc.sql(SELECT_BY_ID).param("id", id).query(GROUP).optional();
	}

	/**
	 * Groups with a display name, ignoring case.
	 * @param displayName the name
	 * @return the groups, oldest id first
	 */
	public List<Group> findByDisplayName(String displayName) {
		return this.jdbc.sql(SELECT_BY_NAME).param("key", key(displayName)).query(GROUP).list();
	}

	/**
	 * One page of groups in the order of their ids.
	 * @param after the id after which the page starts, or {@code null}
	 * @param limit how many to return
	 * @return the groups
	 */
	public List<Group> page(@Nullable UUID after, int limit) {
		return page(null, after, limit);
	}

	/**
	 * One page of the groups that match a filter, in the order of their ids.
	 * @param filter the condition ({@link Group#FILTER_SCHEMA}), or {@code null}
	 * @param after the id after which the page starts, or {@code null}
	 * @param limit how many to return
	 * @return the groups
	 */
	public List<Group> page(@Nullable Filter filter, @Nullable UUID after, int limit) {
		SqlFilter sql = new SqlFilter(FILTER_COLUMNS, Map.of(), "f");
		List<String> conditions = new ArrayList<>();
		if (filter != null) {
			conditions.add(sql.condition(filter));
		}
		if (after != null) {
			conditions.add("id > " + sql.bind(after));
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		return this.jdbc.sql("select " + COLUMNS + " from directory_group" + where + " order by id limit " + limit)
			.params(sql.params())
			.query(GROUP)
			.list();
	}

	/**
	 * Count the groups that match a filter.
	 * @param filter the condition, or {@code null}
	 * @return the count
	 */
	public long count(@Nullable Filter filter) {
		SqlFilter sql = new SqlFilter(FILTER_COLUMNS, Map.of(), "f");
		String where = (filter != null) ? " where " + sql.condition(filter) : "";
		return this.jdbc.sql("select count(*) from directory_group" + where)
			.params(sql.params())
			.query(Long.class)
			.single();
	}

	/**
	 * Add a member.
	 * @param groupId the group
	 * @param userId the user
	 * @return {@code false} when the user already was a member
	 */
	public boolean addMember(UUID groupId, UUID userId) {
		try {
			this.template.update(INSERT_MEMBER, groupId, userId);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Add many memberships in one JDBC batch; none of them may exist yet.
	 * @param memberships pairs of group id and user id
	 */
	public void addMembers(List<Membership> memberships) {
		this.template.batchUpdate(INSERT_MEMBER, memberships, memberships.size(), (ps, membership) -> {
			ps.setObject(1, membership.groupId());
			ps.setObject(2, membership.userId());
		});
	}

	public boolean removeMember(UUID groupId, UUID userId) {
		return this.jdbc.sql(DELETE_MEMBER).param("group", groupId).param("user", userId).update() > 0;
	}

	public boolean isMemberOfAny(UUID userId, Collection<UUID> groupIds) {
		if (groupIds.isEmpty()) {
			return false;
		}
		return this.jdbc.sql(IS_MEMBER)
			.param("user", userId)
			.param("groups", Set.copyOf(groupIds))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * One page of a group's members, in the order of their sign-in names.
	 * @param groupId the group
	 * @param afterKey the lower-cased sign-in name after which the page starts, or
	 * {@code null}
	 * @param limit how many to return
	 * @return the members
	 */
	public List<User> members(UUID groupId, @Nullable String afterKey, int limit) {
		String sql = SELECT_MEMBERS.formatted((afterKey != null) ? " and u.upn_key > :after" : "");
		var statement = this.jdbc.sql(sql).param("group", groupId).param("limit", limit);
		if (afterKey != null) {
			statement = statement.param("after", afterKey);
		}
		return statement.query((rs, row) -> JdbcUsers.user(rs)).list();
	}

	static String key(String displayName) {
		return displayName.toLowerCase(Locale.ROOT);
	}

	/**
	 * A user in a group.
	 *
	 * @param groupId the group
	 * @param userId the user
	 */
	public record Membership(UUID groupId, UUID userId) {
	}

}
