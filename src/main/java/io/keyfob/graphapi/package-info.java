/**
 * The Microsoft Graph compatible HTTP adapter under /beta: routes, OData query options
 * and the error envelope.
 */
@ApplicationModule(allowedDependencies = { "token", "directory", "policy", "authmethod", "seedimport", "audit",
		"signin", "shared" })
@NullMarked
package io.keyfob.graphapi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
