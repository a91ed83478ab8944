/**
 * Keyfob's command line: {@code java -jar keyfob.jar <command> ...}. Without a command
 * the jar starts the server. Commands that act on a running Keyfob talk to its HTTP API
 * with a client's credentials ({@link ServerOptions}); they know nothing of the server's
 * classes.
 * <p>
 * To add a command: write a picocli {@code @Command} class here (or a group of them, like
 * {@link UsersCommand}) and list it in the {@code subcommands} of {@link KeyfobCommand};
 * {@link KeyfobCommandLine} then recognises its name. A command that must work on the
 * database itself (for example rotating keys) can start the application without its web
 * server with
 * {@code new SpringApplicationBuilder(KeyfobApplication.class).web(WebApplicationType.NONE)}
 * and take what it needs from that context.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.keyfob.cli;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
