/**
 * Temporary Access Pass: the policy and the time-limited passes with which a user who
 * lost their token signs in and adds a new one.
 */
@ApplicationModule(allowedDependencies = { "authmethod", "directory", "policy", "shared" })
@NullMarked
package io.keyfob.accesspass;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
