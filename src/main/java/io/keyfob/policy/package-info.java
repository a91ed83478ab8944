/**
 * The hardwareOath authentication method policy: state, include and exclude targets,
 * verification settings.
 */
@ApplicationModule(allowedDependencies = { "directory", "shared" })
@NullMarked
package io.keyfob.policy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
