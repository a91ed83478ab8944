package io.keyfob.audit.jdbc;

import io.keyfob.audit.AuditEntry;
import org.jspecify.annotations.Nullable;

/**
 * An entry with the chain columns as stored, for verification.
 *
 * @param entry the entry, with its sequence
 * @param previousHash the stored hash of the entry before
 * @param hash the stored hash of this entry
 */
public record ChainedEntry(AuditEntry entry, @Nullable String previousHash, @Nullable String hash) {
}
