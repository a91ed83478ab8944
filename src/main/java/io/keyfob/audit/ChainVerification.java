package io.keyfob.audit;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The result of checking the audit chain.
 *
 * @param intact whether every chained entry is unchanged and none is missing
 * @param entriesChecked how many chained entries were checked
 * @param anchorSequence the position verification started after (the last purged entry)
 * @param lastSequence the last position checked
 * @param lastHash the hash at the end of the chain: write it down somewhere else to be
 * able to detect a rewrite of the whole chain later
 * @param waiting entries not yet chained
 * @param brokenAt the position of the first entry that is changed or missing, or
 * {@code null} when intact
 * @param brokenEntryId the id of the first entry found changed, or of the entry found
 * where a missing one was expected; {@code null} when intact or not known
 * @param problem what is wrong, for a person; {@code null} when intact
 */
public record ChainVerification(boolean intact, long entriesChecked, long anchorSequence, long lastSequence,
		String lastHash, long waiting, @Nullable Long brokenAt, @Nullable UUID brokenEntryId,
		@Nullable String problem) {

	static ChainVerification intact(long checked, long anchor, long last, String lastHash, long waiting) {
		return new ChainVerification(true, checked, anchor, last, lastHash, waiting, null, null, null);
	}

	static ChainVerification broken(long checked, long anchor, long at, @Nullable UUID id, String problem,
			long waiting) {
		return new ChainVerification(false, checked, anchor, at, "", waiting, at, id, problem);
	}

}
