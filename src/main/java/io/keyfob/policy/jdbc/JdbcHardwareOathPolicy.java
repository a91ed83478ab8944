package io.keyfob.policy.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.keyfob.policy.HardwareOathPolicy;
import io.keyfob.policy.HardwareOathPolicy.ExcludeTarget;
import io.keyfob.policy.HardwareOathPolicy.IncludeTarget;
import io.keyfob.policy.AuthenticationMethodState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hardware OATH policy row and its targets. The migration creates the row, disabled
 * for all users, so there is always exactly one.
 */
@Repository
public class JdbcHardwareOathPolicy {

	private static final String POLICY_ID = "hardwareOath";

	// one round trip for the policy and its targets: this runs on every sign-in
	private static final String READ = """
			select p.state, t.kind, t.target_id, t.registration_required
			from authentication_method_policy p
			left join authentication_method_target t on t.policy_id = p.id
			where p.id = :id
			order by t.kind, t.list_index
			""";

	private static final String LOCK = "select state from authentication_method_policy where id = :id for update";

	private static final String UPDATE = """
			update authentication_method_policy set state = :state, updated_date_time = :now, version = version + 1
			where id = :id
			""";

	private static final String DELETE_TARGETS = "delete from authentication_method_target where policy_id = :id";

	private static final String INSERT_TARGET = """
			insert into authentication_method_target (policy_id, kind, list_index, target_id, registration_required)
			values (:id, :kind, :position, :targetId, :registrationRequired)
			""";

	private static final String INCLUDE = "include";

	private static final String EXCLUDE = "exclude";

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcHardwareOathPolicy(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public HardwareOathPolicy read() {
		List<Row> rows = this.jdbc.sql(READ).param("id", POLICY_ID).query(JdbcHardwareOathPolicy::row).list();
		if (rows.isEmpty()) {
			throw new IllegalStateException("The hardwareOath policy row is missing; the policy migration did not run");
		}
		List<IncludeTarget> include = new ArrayList<>();
		List<ExcludeTarget> exclude = new ArrayList<>();
		for (Row row : rows) {
			if (INCLUDE.equals(row.kind())) {
				include.add(new IncludeTarget(row.targetId(), row.registrationRequired()));
			}
			else if (EXCLUDE.equals(row.kind())) {
				exclude.add(new ExcludeTarget(UUID.fromString(row.targetId())));
			}
		}
		return new HardwareOathPolicy(AuthenticationMethodState.valueOf(rows.get(0).state()), include, exclude);
	}

	/**
	 * Read the policy and hold its row until the transaction ends, so two changes do not
	 * interleave.
	 * @return the policy
	 */
	public HardwareOathPolicy lock() {
		this.jdbc.sql(LOCK).param("id", POLICY_ID).query(String.class).single();
		return read();
	}

	/**
	 * Replace the stored policy.
	 * @param policy the new policy
	 */
	public void write(HardwareOathPolicy policy) {
		this.jdbc.sql(UPDATE)
			.param("id", POLICY_ID)
			.param("state", policy.state().name())
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		this.jdbc.sql(DELETE_TARGETS).param("id", POLICY_ID).update();
		int position = 0;
		for (IncludeTarget target : policy.includeTargets()) {
			insertTarget(INCLUDE, position++, target.id(), target.registrationRequired());
		}
		for (ExcludeTarget target : policy.excludeTargets()) {
			insertTarget(EXCLUDE, position++, target.groupId().toString(), false);
		}
	}

	private void insertTarget(String kind, int position, String targetId, boolean registrationRequired) {
		this.jdbc.sql(INSERT_TARGET)
			.param("id", POLICY_ID)
			.param("kind", kind)
			.param("position", position)
			.param("targetId", targetId)
			.param("registrationRequired", registrationRequired)
			.update();
	}

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		return new Row(rs.getString("state"), rs.getString("kind"), rs.getString("target_id"),
				rs.getBoolean("registration_required"));
	}

	private record Row(String state, String kind, String targetId, boolean registrationRequired) {
	}

}
