package io.keyfob.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where the server is and how the command signs in to it: a confidential client's
 * credentials (client credentials grant). The secret is read from a file so that it shows
 * neither in the shell history nor in the process list. Each option falls back to an
 * environment variable.
 */
final class ServerOptions {

	@Option(names = "--server", required = true, defaultValue = "${env:KEYFOB_SERVER}",
			description = "Keyfob's base URL, such as https://keyfob.example.com (env KEYFOB_SERVER)")
	@Nullable String server;

	@Option(names = "--client-id", required = true, defaultValue = "${env:KEYFOB_CLIENT_ID}",
			description = "The client id (env KEYFOB_CLIENT_ID)")
	@Nullable String clientId;

	@Option(names = "--client-secret-file", required = true, defaultValue = "${env:KEYFOB_CLIENT_SECRET_FILE}",
			description = "A file holding the client secret (env KEYFOB_CLIENT_SECRET_FILE)")
	@Nullable Path clientSecretFile;

	KeyfobClient connect() {
		URI base = base();
		String secret = readSecret();
		KeyfobClient client = new KeyfobClient(base);
		client.signIn(required(this.clientId, "--client-id"), secret);
		return client;
	}

	private URI base() {
		String server = required(this.server, "--server");
		try {
			URI uri = URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
			if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
				throw new IllegalArgumentException();
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new CommandFailed(ExitCodes.USAGE,
					"--server must be an http or https URL, such as https://keyfob.example.com");
		}
	}

	private String readSecret() {
		Path file = this.clientSecretFile;
		if (file == null) {
			throw new CommandFailed(ExitCodes.USAGE, "Missing --client-secret-file");
		}
		try {
			String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (secret.isEmpty()) {
				throw new CommandFailed(ExitCodes.USAGE, "The client secret file " + file + " is empty");
			}
			return secret;
		}
		catch (IOException ex) {
			throw new CommandFailed(ExitCodes.USAGE, "Cannot read the client secret file " + file);
		}
	}

	private static String required(@Nullable String value, String option) {
		if (value == null || value.isBlank()) {
			throw new CommandFailed(ExitCodes.USAGE, "Missing " + option);
		}
		return value.strip();
	}

}
