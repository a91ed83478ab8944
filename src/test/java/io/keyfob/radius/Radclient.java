package io.keyfob.radius;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code radclient} (package {@code freeradius-utils}), the independent RADIUS
 * client of the tests.
 */
final class Radclient {

	static final String NOT_INSTALLED = "radclient is not installed (apt-get install freeradius-utils)";

	private static final Path PROGRAM = Path.of("/usr/bin/radclient");

	private static final Pattern RECEIVED = Pattern.compile("Received (Access-[A-Za-z]+) Id");

	private static final Pattern STATE = Pattern.compile("State = (0x[0-9a-f]+)");

	private Radclient() {
	}

	static boolean available() {
		return Files.isExecutable(PROGRAM);
	}

	/**
	 * Send one Access-Request with a Message-Authenticator, retransmitting after a second
	 * (up to three times) when no answer comes.
	 * @param port the server's UDP port on 127.0.0.1
	 * @param secret the shared secret
	 * @param attributes attributes in radclient's syntax, for example
	 * {@code User-Name = "alice"}
	 * @return the answer
	 */
	static Reply auth(int port, String secret, String... attributes) {
		List<String> all = new ArrayList<>(List.of(attributes));
		all.add("Message-Authenticator = 0x00");
		return send(port, secret, 3, "auth", all);
	}

	/**
	 * Send one request as given, once, with a one-second timeout.
	 * @param port the server's port
	 * @param secret the shared secret
	 * @param command {@code auth} or {@code status}
	 * @param attributes the attributes, as given
	 * @return the answer
	 */
	static Reply once(int port, String secret, String command, List<String> attributes) {
		return send(port, secret, 1, command, attributes);
	}

	private static Reply send(int port, String secret, int tries, String command, List<String> attributes) {
		try {
			Process process = new ProcessBuilder(PROGRAM.toString(), "-x", "-4", "-r", Integer.toString(tries), "-t",
					"1", "127.0.0.1:" + port, command, secret)
				.redirectErrorStream(true)
				.start();
			process.getOutputStream().write(String.join(", ", attributes).getBytes(StandardCharsets.UTF_8));
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("radclient did not finish");
			}
			return Reply.of(output);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run radclient", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What radclient printed.
	 *
	 * @param code the answer's code, such as {@code Access-Accept}, or {@code none}
	 * @param output everything it printed
	 */
	record Reply(String code, String output) {

		static Reply of(String output) {
			Matcher received = RECEIVED.matcher(output);
			return new Reply(received.find() ? received.group(1) : "none", output);
		}

		Optional<String> state() {
			Matcher state = STATE.matcher(this.output.substring(Math.max(0, this.output.indexOf("Received"))));
			return state.find() ? Optional.of(state.group(1)) : Optional.empty();
		}

	}

}
