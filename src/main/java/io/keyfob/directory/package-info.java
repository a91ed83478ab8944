/**
 * Users, groups and directory role assignments, identified as in Microsoft Graph.
 */
@ApplicationModule(allowedDependencies = { "shared" })
@NullMarked
package io.keyfob.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
