/**
 * Server-rendered pages: My Security Info for users and the admin center.
 */
@ApplicationModule(allowedDependencies = { "token", "directory", "policy", "authmethod", "seedimport", "audit",
		"signin", "radius", "accesspass", "shared" })
@NullMarked
package io.keyfob.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
