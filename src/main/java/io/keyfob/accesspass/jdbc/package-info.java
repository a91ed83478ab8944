/**
 * The Temporary Access Pass tables.
 */
@NullMarked
package io.keyfob.accesspass.jdbc;

import org.jspecify.annotations.NullMarked;
