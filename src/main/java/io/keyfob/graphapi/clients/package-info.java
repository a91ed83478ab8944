/**
 * Keyfob's app registration endpoints under {@code /api/v1/clients}.
 */
@NullMarked
package io.keyfob.graphapi.clients;

import org.jspecify.annotations.NullMarked;
