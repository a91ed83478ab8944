/**
 * Seed files: Entra CSV, vendor CSV and PSKC readers, import jobs and their reports.
 */
@ApplicationModule(allowedDependencies = { "token", "otp", "directory", "shared" })
@NullMarked
package io.keyfob.seedimport;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
