/**
 * The authorization server's tables: registered clients, authorizations, consents,
 * signing keys and the bootstrap marker.
 */
@NullMarked
package io.keyfob.signin.jdbc;

import org.jspecify.annotations.NullMarked;
