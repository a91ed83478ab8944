package io.keyfob.audit.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The chain columns and the chain head. Every method that changes them must run in a
 * transaction that first took {@link #lockHead()}: the row lock on the single head row is
 * what keeps several nodes from chaining the same entries or forking the chain.
 */
@Repository
public class JdbcAuditChain {

	private static final String HEAD = """
			select last_seq, last_hash, anchor_seq, anchor_hash, anchor_date_time from audit_chain_head where id = 1
			""";

	private static final String LOCK_HEAD = HEAD + " for update";

	private static final String PENDING = "select " + AuditRows.COLUMNS
			+ " from audit_entry e where e.seq is null order by e.activity_date_time, e.id limit :limit";

	private static final String CHAIN = """
			update audit_entry set seq = :seq, prev_hash = :prevHash, hash = :hash where id = :id and seq is null
			""";

	private static final String ADVANCE = "update audit_chain_head set last_seq = :seq, last_hash = :hash where id = 1";

	private static final String CHAINED = "select " + AuditRows.COLUMNS
			+ " from audit_entry e where e.seq > :after and e.seq <= :upTo order by e.seq limit :limit";

	private static final String DELETE_TARGETS = """
			delete from audit_target where entry_id in
				(select id from audit_entry where seq > :anchor and seq <= :upTo)
			""";

	private static final String DELETE_ENTRIES = "delete from audit_entry where seq > :anchor and seq <= :upTo";

	private static final String MOVE_ANCHOR = """
			update audit_chain_head set anchor_seq = :seq, anchor_hash = :hash, anchor_date_time = :time where id = 1
			""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcOperations batch;

	JdbcAuditChain(JdbcClient jdbc, NamedParameterJdbcOperations batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Read the head without locking it.
	 * @return the head
	 */
	public ChainHead head() {
		return this.jdbc.sql(HEAD).query(JdbcAuditChain::mapHead).single();
	}

	/**
	 * Read the head and hold its row lock until the transaction ends.
	 * @return the head
	 */
	public ChainHead lockHead() {
		return this.jdbc.sql(LOCK_HEAD).query(JdbcAuditChain::mapHead).single();
	}

	/**
	 * The oldest entries that wait to be chained.
	 * @param limit at most this many
	 * @return the entries, oldest first, with their targets
	 */
	public List<ChainedEntry> pending(int limit) {
		return AuditRows.withTargets(this.jdbc,
				this.jdbc.sql(PENDING).param("limit", limit).query(AuditRows::row).list());
	}

	/**
	 * Put entries into the chain, in one batch.
	 * @param links the entries with their positions and hashes
	 * @return how many were chained; fewer than given if some were chained already
	 */
	public int chain(List<Link> links) {
		SqlParameterSource[] batchArgs = links.stream()
			.map((link) -> new MapSqlParameterSource().addValue("id", link.id())
				.addValue("seq", link.sequence())
				.addValue("prevHash", link.previousHash())
				.addValue("hash", link.hash()))
			.toArray(SqlParameterSource[]::new);
		int chained = 0;
		for (int count : this.batch.batchUpdate(CHAIN, batchArgs)) {
			chained += (count == Statement.SUCCESS_NO_INFO) ? 1 : count;
		}
		return chained;
	}

	public void advanceHead(long sequence, String hash) {
		this.jdbc.sql(ADVANCE).param("seq", sequence).param("hash", hash).update();
	}

	/**
	 * Chained entries in chain order, for verification and purging.
	 * @param after read after this position
	 * @param upTo read up to this position
	 * @param limit at most this many
	 * @return the entries with their stored chain columns
	 */
	public List<ChainedEntry> chained(long after, long upTo, int limit) {
		return AuditRows.withTargets(this.jdbc,
				this.jdbc.sql(CHAINED)
					.param("after", after)
					.param("upTo", upTo)
					.param("limit", limit)
					.query(AuditRows::row)
					.list());
	}

	/**
	 * Delete the oldest chained entries and leave the last one's hash as the anchor the
	 * rest chains to.
	 * @param head the locked head
	 * @param upTo the last position to delete
	 * @param lastHash the hash of the entry at that position
	 * @param lastTime its time
	 * @return how many entries were deleted
	 */
	public int purge(ChainHead head, long upTo, String lastHash, Instant lastTime) {
		this.jdbc.sql(DELETE_TARGETS).param("anchor", head.anchorSequence()).param("upTo", upTo).update();
		int deleted = this.jdbc.sql(DELETE_ENTRIES).param("anchor", head.anchorSequence()).param("upTo", upTo).update();
		this.jdbc.sql(MOVE_ANCHOR)
			.param("seq", upTo)
			.param("hash", lastHash)
			.param("time", AuditRows.utc(lastTime))
			.update();
		return deleted;
	}

	/**
	 * An entry's place in the chain.
	 *
	 * @param id the entry
	 * @param sequence its position
	 * @param previousHash the hash of the entry before
	 * @param hash its own hash
	 */
	public record Link(UUID id, long sequence, String previousHash, String hash) {
	}

	private static ChainHead mapHead(ResultSet rs, int row) throws SQLException {
		return new ChainHead(rs.getLong("last_seq"), rs.getString("last_hash"), rs.getLong("anchor_seq"),
				rs.getString("anchor_hash"), AuditRows.instantOrNull(rs, "anchor_date_time"));
	}

}
