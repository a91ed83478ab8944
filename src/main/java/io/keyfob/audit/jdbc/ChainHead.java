package io.keyfob.audit.jdbc;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The head of the hash chain.
 *
 * @param lastSequence the last chained entry's position, 0 when none
 * @param lastHash its hash
 * @param anchorSequence the last purged entry's position, 0 when none was purged
 * @param anchorHash its hash: the first kept entry chains to it
 * @param anchorDateTime the last purged entry's time, if any
 */
public record ChainHead(long lastSequence, String lastHash, long anchorSequence, String anchorHash,
		@Nullable Instant anchorDateTime) {
}
