package io.keyfob.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.keyfob.audit.jdbc.ChainHead;
import io.keyfob.audit.jdbc.ChainedEntry;
import io.keyfob.audit.jdbc.JdbcAuditChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes entries older than {@code keyfob.audit.retention} from the start of the chain,
 * and keeps what is left verifiable: the hash of the last deleted entry becomes the
 * chain's anchor, to which the first kept entry links. Deletes only a contiguous run from
 * the start of the chain (an old entry chained after a newer one waits for the next run),
 * in batches of {@value #BATCH} entries, each batch in its own short transaction under
 * the chain lock, so a table of tens of millions of rows is purged without one huge
 * transaction. Each run that deletes anything logs an entry of its own.
 */
@Component
class AuditRetention {

	static final int BATCH = 5000;

	private static final Logger logger = LoggerFactory.getLogger(AuditRetention.class);

	private final JdbcAuditChain chain;

	private final TransactionTemplate transactions;

	private final AuditProperties properties;

	private final AuditRecorder recorder;

	private final Clock clock;

	AuditRetention(JdbcAuditChain chain, PlatformTransactionManager transactionManager, AuditProperties properties,
			AuditRecorder recorder, Clock clock) {
		this.chain = chain;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.recorder = recorder;
		this.clock = clock;
	}

	/**
	 * Purge what the retention setting says is too old.
	 * @return how many entries were deleted
	 */
	long purge() {
		return purgeBefore(this.clock.instant().minus(this.properties.retention()));
	}

	void purgeQuietly() {
		try {
			purge();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not purge old audit entries now; the next run tries again", ex);
		}
	}

	/**
	 * Purge the chained entries older than a time, from the start of the chain.
	 * @param cutoff entries before this time go
	 * @return how many entries were deleted
	 */
	long purgeBefore(Instant cutoff) {
		long total = 0;
		while (true) {
			Integer deleted = this.transactions.execute((status) -> purgeBatch(cutoff));
			int count = (deleted != null) ? deleted : 0;
			total += count;
			if (count < BATCH) {
				break;
			}
		}
		if (total > 0) {
			this.recorder.record(AuditRecord.change("Other", "Purge audit log", "Delete", AuditRecord.KEYFOB)
				.actor(AuditActor.KEYFOB)
				.detail("deletedEntries", total)
				.detail("deletedBefore", cutoff)
				.detail("anchorSequence", this.chain.head().anchorSequence())
				.build());
		}
		return total;
	}

	private int purgeBatch(Instant cutoff) {
		ChainHead head = this.chain.lockHead();
		List<ChainedEntry> oldest = this.chain.chained(head.anchorSequence(), head.lastSequence(), BATCH);
		ChainedEntry last = null;
		for (ChainedEntry entry : oldest) {
			if (!entry.entry().activityDateTime().isBefore(cutoff)) {
				break;
			}
			last = entry;
		}
		if (last == null) {
			return 0;
		}
		return this.chain.purge(head, Objects.requireNonNull(last.entry().sequence()),
				Objects.requireNonNull(last.hash()), last.entry().activityDateTime());
	}

}
