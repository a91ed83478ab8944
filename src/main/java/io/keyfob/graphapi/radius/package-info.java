/**
 * Keyfob's RADIUS client (NAS) endpoints under {@code /api/v1/radius-clients}.
 */
@NullMarked
package io.keyfob.graphapi.radius;

import org.jspecify.annotations.NullMarked;
