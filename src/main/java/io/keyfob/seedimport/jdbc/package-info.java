/**
 * The import job tables.
 */
@NullMarked
package io.keyfob.seedimport.jdbc;

import org.jspecify.annotations.NullMarked;
