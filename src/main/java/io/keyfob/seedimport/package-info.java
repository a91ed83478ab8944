/**
 * Seed files: Entra CSV, vendor CSV and PSKC readers, import jobs and their reports.
 * Assignments named in a file go through the user-methods module.
 */
@ApplicationModule(allowedDependencies = { "token", "otp", "directory", "authmethod", "shared" })
@NullMarked
package io.keyfob.seedimport;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
