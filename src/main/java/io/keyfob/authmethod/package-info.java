/**
 * A user's hardware OATH methods: assign, activate, deactivate, verify codes and lock out
 * guessing.
 */
@ApplicationModule(allowedDependencies = { "token", "otp", "directory", "policy", "shared" })
@NullMarked
package io.keyfob.authmethod;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
