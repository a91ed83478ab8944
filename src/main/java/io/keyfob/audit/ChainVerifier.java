package io.keyfob.audit;

import java.util.List;
import java.util.Objects;

import io.keyfob.audit.jdbc.ChainHead;
import io.keyfob.audit.jdbc.ChainedEntry;
import io.keyfob.audit.jdbc.JdbcAuditChain;
import io.keyfob.audit.jdbc.JdbcAuditEntries;

import org.springframework.stereotype.Component;

/**
 * Walks the chain from the anchor to the head, page by page (so a log of millions of
 * entries needs no more memory than one page), and stops at the first entry that does not
 * fit: a gap in the positions (a deleted row), a stored previous hash that is not the
 * hash of the entry before, or a stored hash that is not the hash of the entry's own
 * fields (an edited row). The last hash must equal the head's, which catches a deleted
 * newest entry.
 * <p>
 * What it cannot see: someone with write access who recomputes every later hash and the
 * head. Against that, keep the reported last hash somewhere else and compare.
 */
@Component
class ChainVerifier {

	static final int PAGE = 1000;

	private final JdbcAuditChain chain;

	private final JdbcAuditEntries entries;

	ChainVerifier(JdbcAuditChain chain, JdbcAuditEntries entries) {
		this.chain = chain;
		this.entries = entries;
	}

	ChainVerification verify() {
		ChainHead head = this.chain.head();
		long waiting = this.entries.countPending();
		long expected = head.anchorSequence() + 1;
		String previousHash = head.anchorHash();
		long checked = 0;
		while (expected <= head.lastSequence()) {
			List<ChainedEntry> page = this.chain.chained(expected - 1, head.lastSequence(), PAGE);
			if (page.isEmpty()) {
				return ChainVerification.broken(checked, head.anchorSequence(), expected, null,
						"Entries " + expected + " to " + head.lastSequence() + " are missing", waiting);
			}
			for (ChainedEntry stored : page) {
				long sequence = Objects.requireNonNull(stored.entry().sequence());
				if (sequence != expected) {
					return ChainVerification.broken(checked, head.anchorSequence(), expected, stored.entry().id(),
							"Entry " + expected + " is missing: the next entry found is " + sequence, waiting);
				}
				if (!previousHash.equals(stored.previousHash())) {
					return ChainVerification.broken(checked, head.anchorSequence(), expected, stored.entry().id(),
							"Entry " + expected + " does not link to the entry before it", waiting);
				}
				String hash = ChainHash.of(previousHash, sequence, stored.entry());
				if (!hash.equals(stored.hash())) {
					return ChainVerification.broken(checked, head.anchorSequence(), expected, stored.entry().id(),
							"Entry " + expected + " was changed after it was written", waiting);
				}
				previousHash = hash;
				expected++;
				checked++;
			}
		}
		if (!previousHash.equals(head.lastHash())) {
			return ChainVerification.broken(checked, head.anchorSequence(), head.lastSequence(), null,
					"The chain head does not match the last entry: entries at the end were removed or replaced",
					waiting);
		}
		return ChainVerification.intact(checked, head.anchorSequence(), head.lastSequence(), previousHash, waiting);
	}

}
