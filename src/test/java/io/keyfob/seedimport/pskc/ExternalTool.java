package io.keyfob.seedimport.pskc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command-line tool from the OATH Toolkit or pskc-utils for interoperability
 * tests, which skip when the tool is not installed.
 *
 * @param exitCode the tool's exit status
 * @param output what it wrote to standard output and standard error
 */
record ExternalTool(int exitCode, String output) {

	static boolean isInstalled(String command) {
		try {
			return run(List.of(command, "--version")).exitCode() == 0;
		}
		catch (UncheckedIOException ex) {
			return false;
		}
	}

	static ExternalTool run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(command.get(0) + " did not finish within 60 seconds");
			}
			return new ExternalTool(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
