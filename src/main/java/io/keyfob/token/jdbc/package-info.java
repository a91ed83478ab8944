/**
 * The token table: tokens, sealed seeds, replay and drift state, and the keyset-paged
 * inventory listing.
 */
@NullMarked
package io.keyfob.token.jdbc;

import org.jspecify.annotations.NullMarked;
