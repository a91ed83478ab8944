/**
 * Server-rendered pages: My Security Info for users and the admin center.
 */
@ApplicationModule(allowedDependencies = { "token", "directory", "policy", "authmethod", "accesspass", "seedimport",
		"audit", "signin", "radius", "shared" })
@NullMarked
package io.keyfob.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
