/**
 * The command line in the jar ({@code java -jar keyfob.jar COMMAND ...}): commands that
 * talk to a running Keyfob, local or remote, through its HTTP API with a client's
 * credentials. Uses no other module.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.keyfob.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
