/**
 * Graph's directory endpoints: users, {@code /me}, groups and their members, directory
 * roles; and Keyfob's user import.
 */
@NullMarked
package io.keyfob.graphapi.directory;

import org.jspecify.annotations.NullMarked;
