package io.keyfob.audit;

import java.util.Optional;
import java.util.UUID;

import io.keyfob.audit.jdbc.JdbcAuditEntries;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit and sign-in log for readers: pages of entries with conditions, single
 * entries, and verification of the hash chain. Writing happens only through the events
 * the other modules publish.
 */
@Service
public class AuditLog {

	private final JdbcAuditEntries entries;

	private final ChainVerifier verifier;

	private final AuditChain chain;

	private final AuditRetention retention;

	AuditLog(JdbcAuditEntries entries, ChainVerifier verifier, AuditChain chain, AuditRetention retention) {
		this.entries = entries;
		this.verifier = verifier;
		this.chain = chain;
		this.retention = retention;
	}

	/**
	 * Read one page of a log, newest first.
	 * @param query which log, the conditions and where to continue
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public AuditPage page(AuditQuery query) {
		return this.entries.page(query);
	}

	/**
	 * Find one entry of a log.
	 * @param kind the log
	 * @param id the entry id
	 * @return the entry, if the log holds it
	 */
	@Transactional(readOnly = true)
	public Optional<AuditEntry> find(AuditKind kind, UUID id) {
		return this.entries.find(kind, id);
	}

	/**
	 * Chain what waits, then check the whole chain from the anchor to the head.
	 * @return whether it is intact, and if not, the first broken entry
	 */
	public ChainVerification verify() {
		this.chain.seal();
		return this.verifier.verify();
	}

	/**
	 * Run the retention purge now, as the scheduled job does.
	 * @return how many entries were deleted
	 */
	public long purgeExpired() {
		this.chain.seal();
		return this.retention.purge();
	}

}
