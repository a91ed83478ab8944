/**
 * The append-only audit and sign-in log, fed by the other modules' events.
 */
@ApplicationModule(allowedDependencies = { "token", "directory", "policy", "authmethod", "seedimport", "signin",
		"radius", "accesspass", "shared" })
@NullMarked
package io.keyfob.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
