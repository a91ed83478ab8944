/**
 * Keyfob's command line: {@code java -jar keyfob.jar <command> ...}. Without a command
 * the jar starts the server. Commands that act on a running Keyfob talk to its HTTP API
 * with a client's credentials ({@link ServerOptions}); they know nothing of the server's
 * classes. The two that must work on the database itself ({@code audit verify} and
 * {@code keys rotate}) start Keyfob with its own configuration ({@link DatabaseCommand})
 * and use the {@code audit} and {@code shared} modules' APIs.
 * <p>
 * To add a command: write a picocli {@code @Command} class here (or a group of them, like
 * {@link UsersCommand}) and list it in the {@code subcommands} of {@link KeyfobCommand};
 * {@link KeyfobCommandLine} then recognises its name. A command that must work on the
 * database itself extends {@link DatabaseCommand}, which starts the application on a
 * random loopback port (its security configuration needs a web application) and hands the
 * command that context.
 */
@ApplicationModule(allowedDependencies = { "audit", "shared" })
@NullMarked
package io.keyfob.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
