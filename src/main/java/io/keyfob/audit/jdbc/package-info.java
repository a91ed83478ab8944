/**
 * The audit tables: entries, their targets and the head of the hash chain.
 */
@NullMarked
package io.keyfob.audit.jdbc;

import org.jspecify.annotations.NullMarked;
