/**
 * The authentication methods policy's tables: one row per method configuration and its
 * include and exclude targets.
 */
@NullMarked
package io.keyfob.policy.jdbc;

import org.jspecify.annotations.NullMarked;
