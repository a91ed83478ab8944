/**
 * The Microsoft Graph compatible HTTP adapter under /beta: routes, OData query options
 * and the error envelope. It uses {@code otp} only for the value types that the token API
 * speaks in ({@code HashFunction}).
 */
@ApplicationModule(allowedDependencies = { "token", "otp", "directory", "policy", "authmethod", "accesspass",
		"seedimport", "audit", "signin", "radius", "shared" })
@NullMarked
package io.keyfob.graphapi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
