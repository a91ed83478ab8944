/**
 * A RADIUS authentication server (RFC 2865 over UDP) inside Keyfob, for VPN
 * concentrators, Wi-Fi controllers and network gear, and the RADIUS clients (NAS) it
 * answers. Off unless {@code keyfob.radius.enabled=true}. Every code goes through the
 * {@code authmethod} verification rules; all state is in the database, so several nodes
 * can stand in a NAS's server list. It reads {@code token} only for the number of digits
 * of a user's token.
 */
@ApplicationModule(allowedDependencies = { "authmethod", "directory", "token", "shared" })
@NullMarked
package io.keyfob.radius;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
