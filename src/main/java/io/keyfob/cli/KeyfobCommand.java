package io.keyfob.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The top command; each subcommand is a command of the jar.
 */
@Command(name = "keyfob", mixinStandardHelpOptions = true,
		description = "Keyfob's command line. Run the jar without a command to start the server.",
		subcommands = { HelpCommand.class, UsersCommand.class, ClientsCommand.class, RadiusClientsCommand.class,
				ImportCommand.class, ExportCommand.class, AuditCommand.class, KeysCommand.class })
final class KeyfobCommand {

}
