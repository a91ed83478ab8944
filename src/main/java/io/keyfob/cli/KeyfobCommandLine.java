package io.keyfob.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/**
 * The entry of the command line: tells a command from server arguments, and runs it.
 */
public final class KeyfobCommandLine {

	private KeyfobCommandLine() {
	}

	/**
	 * Whether the arguments name a command, rather than settings for the server (which
	 * start with {@code --}).
	 * @param args the program arguments
	 * @return {@code true} when the first argument is a command's name
	 */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && commandLine().getSubcommands().containsKey(args[0]);
	}

	/**
	 * Run a command, printing to the console.
	 * @param args the program arguments
	 * @return the exit code
	 */
	public static int run(String[] args) {
		return run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
				new PrintWriter(System.err, true, StandardCharsets.UTF_8));
	}

	/**
	 * Run a command.
	 * @param args the program arguments
	 * @param out where results go
	 * @param err where errors go
	 * @return the exit code: 0 done, 1 done with refused items, 2 wrong usage or the
	 * server could not be used; a command may tell finer reasons apart (import: 3
	 * credentials or permission refused, 4 server unreachable or failed)
	 */
	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = commandLine();
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> {
			line.getErr().println("Error: " + ex.getMessage());
			return (ex instanceof CommandFailed failed) ? failed.exitCode() : 2;
		});
		return commandLine.execute(args);
	}

	private static CommandLine commandLine() {
		return new CommandLine(new KeyfobCommand());
	}

}
