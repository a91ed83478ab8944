package io.keyfob.token.jdbc;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.keyfob.token.BlockReason;
import io.keyfob.token.HardwareOathToken;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The housekeeping queries of the token table: counts for the dashboard and short lists
 * of tokens that need an admin's attention. Each is served by an index
 * ({@code valid_until} or {@code status}).
 */
@Repository
public class JdbcTokenHousekeeping {

	private static final String SELECT = "select " + JdbcHardwareOathTokens.COLUMNS + " from hardware_oath_token ";

	private static final String VALID_UNTIL_BETWEEN = "where valid_until >= :from and valid_until < :to ";

	private static final String BLOCKED = "where status = 'BLOCKED' ";

	private final JdbcClient jdbc;

	JdbcTokenHousekeeping(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How many tokens stop working in a period.
	 * @param from the start, inclusive
	 * @param to the end, exclusive
	 * @return the count
	 */
	public long countValidUntilBetween(Instant from, Instant to) {
		return this.jdbc.sql("select count(*) from hardware_oath_token " + VALID_UNTIL_BETWEEN)
			.param("from", JdbcHardwareOathTokens.utc(from))
			.param("to", JdbcHardwareOathTokens.utc(to))
			.query(Long.class)
			.single();
	}

	/**
	 * The tokens that stop working in a period, soonest first.
	 * @param from the start, inclusive
	 * @param to the end, exclusive
	 * @param limit the most tokens to return
	 * @return the tokens
	 */
	public List<HardwareOathToken> validUntilBetween(Instant from, Instant to, int limit) {
		return this.jdbc.sql(SELECT + VALID_UNTIL_BETWEEN + "order by valid_until, serial_key limit :limit")
			.param("from", JdbcHardwareOathTokens.utc(from))
			.param("to", JdbcHardwareOathTokens.utc(to))
			.param("limit", limit)
			.query(JdbcHardwareOathTokens.TOKEN)
			.list();
	}

	/**
	 * How many tokens are blocked, by reason.
	 * @return a count for every reason, zero included
	 */
	public Map<BlockReason, Long> countBlockedByReason() {
		Map<BlockReason, Long> counts = new EnumMap<>(BlockReason.class);
		for (BlockReason reason : BlockReason.values()) {
			counts.put(reason, 0L);
		}
		this.jdbc
			.sql("select block_reason, count(*) as n from hardware_oath_token " + BLOCKED + "group by block_reason")
			.query((rs, row) -> Map.entry(BlockReason.valueOf(rs.getString("block_reason")), rs.getLong("n")))
			.list()
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue()));
		return counts;
	}

	/**
	 * The blocked tokens, most recently blocked first.
	 * @param reason only those blocked for this reason, or {@code null} for all
	 * @param limit the most tokens to return
	 * @return the tokens
	 */
	public List<HardwareOathToken> blocked(@Nullable BlockReason reason, int limit) {
		String where = (reason != null) ? BLOCKED + "and block_reason = :reason " : BLOCKED;
		JdbcClient.StatementSpec statement = this.jdbc
			.sql(SELECT + where + "order by blocked_date_time desc, serial_key limit :limit")
			.param("limit", limit);
		if (reason != null) {
			statement = statement.param("reason", reason.name());
		}
		return statement.query(JdbcHardwareOathTokens.TOKEN).list();
	}

}
