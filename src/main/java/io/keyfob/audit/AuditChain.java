package io.keyfob.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.keyfob.audit.jdbc.ChainHead;
import io.keyfob.audit.jdbc.ChainedEntry;
import io.keyfob.audit.jdbc.JdbcAuditChain;
import io.keyfob.audit.jdbc.JdbcAuditChain.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links appended entries into the hash chain, in batches.
 * <p>
 * Why batches after the commit, and not a link per insert: the audited request (a code
 * verification above all) should not wait for a lock that every other request wants too.
 * So a request only inserts its entry, unchained; {@value #GATHER_MILLIS} ms after its
 * commit (so that one chaining transaction, and one commit, covers the entries of many
 * requests instead of adding a commit to each) this class wakes up on a thread of its
 * own, locks the single row of {@code audit_chain_head} ({@code select ... for update}),
 * reads up to {@value #BATCH} waiting entries in time order, gives each the next position
 * and its hash (SHA-256 over the entry and the previous hash, see {@link ChainHash}),
 * stores them and the new head, and commits. The row lock serialises this across nodes on
 * one database: a second node waits, then sees the entries chained and the head moved,
 * and continues from there. Each node also runs it every
 * {@code keyfob.audit.chain-interval}, which picks up entries whose node died between its
 * commit and its chaining.
 * <p>
 * The price: an entry is unprotected for the moment between its commit and its chaining
 * (a fraction of a second). Verification reports such entries as waiting.
 */
@Component
class AuditChain implements DisposableBean {

	static final int BATCH = 500;

	private static final Logger logger = LoggerFactory.getLogger(AuditChain.class);

	private final JdbcAuditChain chain;

	private final TransactionTemplate transactions;

	/**
	 * How long a wake-up waits before chaining, so that one chaining transaction (and one
	 * commit) covers the entries of many requests instead of adding a commit to each.
	 */
	static final long GATHER_MILLIS = 200;

	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "audit-chain");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean wakeUpPending = new AtomicBoolean();

	AuditChain(JdbcAuditChain chain, PlatformTransactionManager transactionManager) {
		this.chain = chain;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Chain the waiting entries soon ({@value #GATHER_MILLIS} ms), on the chaining
	 * thread. Wake-ups that come while one is pending are merged into it.
	 */
	void wakeUp() {
		if (this.wakeUpPending.compareAndSet(false, true)) {
			try {
				this.worker.schedule(() -> {
					this.wakeUpPending.set(false);
					sealQuietly();
				}, GATHER_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (RuntimeException ex) {
				// shutting down: the next start, or another node, chains them
				this.wakeUpPending.set(false);
			}
		}
	}

	/**
	 * Chain every waiting entry, batch by batch, each batch in its own transaction.
	 * @return how many entries were chained
	 */
	int seal() {
		int total = 0;
		while (true) {
			Integer chained = this.transactions.execute((status) -> sealBatch());
			total += (chained != null) ? chained : 0;
			if (chained == null || chained < BATCH) {
				return total;
			}
		}
	}

	void sealQuietly() {
		try {
			seal();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not chain audit entries now; they stay waiting and are chained on the next run", ex);
		}
	}

	private int sealBatch() {
		ChainHead head = this.chain.lockHead();
		List<ChainedEntry> pending = this.chain.pending(BATCH);
		if (pending.isEmpty()) {
			return 0;
		}
		long sequence = head.lastSequence();
		String previousHash = head.lastHash();
		List<Link> links = new ArrayList<>(pending.size());
		for (ChainedEntry waiting : pending) {
			sequence++;
			String hash = ChainHash.of(previousHash, sequence, waiting.entry());
			links.add(new Link(waiting.entry().id(), sequence, previousHash, hash));
			previousHash = hash;
		}
		if (this.chain.chain(links) != links.size()) {
			// cannot happen while everyone takes the head lock first; never fork the
			// chain
			throw new IllegalStateException("Audit entries were chained by someone not holding the chain lock");
		}
		this.chain.advanceHead(sequence, previousHash);
		return links.size();
	}

	@Override
	public void destroy() throws InterruptedException {
		this.worker.shutdown();
		this.worker.awaitTermination(5, TimeUnit.SECONDS);
	}

}
