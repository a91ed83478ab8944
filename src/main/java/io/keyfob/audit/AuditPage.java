package io.keyfob.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of the log, newest first.
 *
 * @param entries the entries
 * @param next where the next page starts, or {@code null} on the last page
 */
public record AuditPage(List<AuditEntry> entries, @Nullable AuditCursor next) {
}
