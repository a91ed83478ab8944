package io.keyfob.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * Where Keyfob runs and which client's credentials to use: an app registration holding
 * the permissions the command needs. The secret is read from a file, never from the
 * command line, where other users of the machine could see it.
 */
final class ServerOptions {

	@Option(names = "--server", defaultValue = "http://localhost:8080",
			description = "Keyfob's base URL (default: ${DEFAULT-VALUE}).")
	URI server;

	@Option(names = "--client-id", required = true, description = "The client id of an app registration.")
	String clientId;

	@Option(names = "--client-secret-file", required = true,
			description = "A file holding the client secret on its first line.")
	Path clientSecretFile;

	KeyfobApi api() throws IOException {
		return KeyfobApi.signIn(this.server, this.clientId, secret());
	}

	private String secret() {
		try {
			return Files.readAllLines(this.clientSecretFile, StandardCharsets.UTF_8)
				.stream()
				.findFirst()
				.map(String::strip)
				.filter((line) -> !line.isEmpty())
				.orElseThrow(
						() -> new CommandFailed(2, "The client secret file " + this.clientSecretFile + " is empty"));
		}
		catch (IOException ex) {
			throw new CommandFailed(2, "Cannot read the client secret file " + this.clientSecretFile);
		}
	}

}
