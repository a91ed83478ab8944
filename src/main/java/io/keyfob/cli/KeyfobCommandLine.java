package io.keyfob.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The command line in the jar: {@code java -jar keyfob.jar COMMAND ...} runs a command
 * instead of the server. Commands talk to a running Keyfob, on this machine or a remote
 * cluster, through its HTTP API with a client's credentials, so they work while the
 * server runs. Add a command as a subcommand here.
 */
public final class KeyfobCommandLine {

	private KeyfobCommandLine() {
	}

	@Command(name = "keyfob", mixinStandardHelpOptions = true, subcommands = HelpCommand.class,
			description = "Runs a command against a running Keyfob. Without a command, java -jar keyfob.jar starts "
					+ "the server.")
	static final class Keyfob {

	}

	/**
	 * Tells whether the arguments name a command, so that the server should not start.
	 * @param args the program arguments
	 * @return {@code true} if the first argument is a command's name
	 */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && names().contains(args[0]);
	}

	/**
	 * Runs a command with the console's standard output and error.
	 * @param args the program arguments, starting with the command's name
	 * @return the exit code
	 */
	public static int run(String[] args) {
		Charset charset = Charset.defaultCharset();
		return run(args, new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset),
				System.console() != null);
	}

	/**
	 * Runs a command.
	 * @param args the program arguments, starting with the command's name
	 * @param out where results go
	 * @param err where progress and errors go
	 * @param terminal whether a person watches, so that a progress bar helps
	 * @return the exit code, see {@code docs/admin-guide.md}
	 */
	public static int run(String[] args, PrintWriter out, PrintWriter err, boolean terminal) {
		CommandLine commandLine = commandLine(out, err, terminal);
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
			if (ex instanceof CommandFailed failed) {
				err.println("keyfob " + line.getCommandName() + ": " + failed.getMessage());
				err.flush();
				return failed.exitCode();
			}
			throw ex;
		});
		int exitCode = commandLine.execute(args);
		out.flush();
		err.flush();
		return exitCode;
	}

	private static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean terminal) {
		CommandLine commandLine = new CommandLine(new Keyfob());
		commandLine.addSubcommand(new CommandLine(new ImportCommand(out, err, terminal)));
		commandLine.setOut(out);
		commandLine.setErr(err);
		return commandLine;
	}

	private static Set<String> names() {
		return commandLine(new PrintWriter(PrintWriter.nullWriter()), new PrintWriter(PrintWriter.nullWriter()), false)
			.getSubcommands()
			.keySet();
	}

}
