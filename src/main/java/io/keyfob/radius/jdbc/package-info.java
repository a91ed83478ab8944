/**
 * SQL of the RADIUS module: its clients and challenge States.
 */
@NullMarked
package io.keyfob.radius.jdbc;

import org.jspecify.annotations.NullMarked;
