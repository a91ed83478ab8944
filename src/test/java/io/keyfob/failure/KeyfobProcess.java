package io.keyfob.failure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.keyfob.support.GraphTestClient;

/**
 * A real Keyfob in a JVM of its own on loopback, started from the built jar (not the test
 * classes or test settings), so that it can be killed with SIGKILL or lose its database
 * as a production node would. Its standard output goes to a log file next to its data
 * directory, for the secrets sweep.
 */
final class KeyfobProcess implements AutoCloseable {

	static final String MASTER_KEY = "Yt7jHfZC4Tqm1cVd8pX0s2wKeLrN5bUo9gAiQy3vMhE=";

	private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Process process;

	private final int port;

	private final Path log;

	private final GraphTestClient graph;

	private KeyfobProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.graph = GraphTestClient.forPort(port);
	}

	/**
	 * Start a node on an H2 file database in its data directory.
	 * @param dataDirectory the data directory
	 * @param arguments further arguments
	 * @return the node, ready for traffic
	 */
	static KeyfobProcess onH2(Path dataDirectory, String... arguments) {
		return start(dataDirectory, null, arguments);
	}

	/**
	 * Start a node on a PostgreSQL database.
	 * @param dataDirectory the data directory
	 * @param jdbcUrl the database, for user {@code postgres} without a password
	 * @param arguments further arguments
	 * @return the node, ready for traffic
	 */
	static KeyfobProcess onPostgres(Path dataDirectory, String jdbcUrl, String... arguments) {
		return start(dataDirectory, jdbcUrl, arguments);
	}

	private static KeyfobProcess start(Path dataDirectory, String jdbcUrl, String... arguments) {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC", "-jar",
				applicationJar(), "--server.port=" + port, "--server.address=127.0.0.1",
				"--keyfob.data-dir=" + dataDirectory, "--keyfob.node-name=" + dataDirectory.getFileName(),
				"--keyfob.secrets.master-key=" + MASTER_KEY,
				"--keyfob.bootstrap.admin-upn=" + GraphTestClient.ADMIN_UPN,
				"--keyfob.bootstrap.admin-password=" + GraphTestClient.ADMIN_PASSWORD,
				"--keyfob.bootstrap.client-id=" + GraphTestClient.BOOTSTRAP_CLIENT_ID,
				"--keyfob.bootstrap.client-secret=" + GraphTestClient.BOOTSTRAP_CLIENT_SECRET));
		if (jdbcUrl != null) {
			command.addAll(List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
					"--spring.datasource.password="));
		}
		command.addAll(Arrays.asList(arguments));
		Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
		try {
			Files.createDirectories(dataDirectory);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			KeyfobProcess node = new KeyfobProcess(process, port, log);
			node.awaitReady();
			return node;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Run one of the jar's commands (such as {@code audit verify}) on a PostgreSQL
	 * database and wait for it.
	 * @param jdbcUrl the database, for user {@code postgres} without a password
	 * @param output where the command's output goes
	 * @param command the command and its options
	 * @return the exit code
	 */
	static int command(String jdbcUrl, Path output, String... command) {
		List<String> line = new ArrayList<>(
				List.of(javaExecutable(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", applicationJar()));
		line.addAll(Arrays.asList(command));
		line.addAll(List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--keyfob.secrets.master-key=" + MASTER_KEY));
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
				.start();
			if (!process.waitFor(180, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Command did not end: " + String.join(" ", command));
			}
			return process.exitValue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A fresh directory for a test's nodes under {@code target/failure}, kept after the
	 * run for a look at the logs and data files.
	 * @param name the test's name
	 * @return the empty directory
	 */
	static Path directory(String name) {
		Path directory = Path.of("target", "failure", name).toAbsolutePath();
		try {
			if (Files.exists(directory)) {
				try (var files = Files.walk(directory)) {
					files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
				}
			}
			return Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The node's client, which keeps its tokens and registered clients.
	 * @return the client
	 */
	GraphTestClient graph() {
		return this.graph;
	}

	int port() {
		return this.port;
	}

	Path log() {
		return this.log;
	}

	/**
	 * The readiness probe's status code, or 0 when the node does not answer.
	 * @return the HTTP status
	 */
	int readiness() {
		try {
			return HTTP
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(10))
					.build(), BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	/** SIGKILL: no shutdown hooks, no clean close of the database or the pool. */
	void kill() {
		this.process.destroyForcibly();
		awaitExit();
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			awaitExit();
		}
	}

	private void awaitExit() {
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitReady() throws IOException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Keyfob ended while starting:\n" + tail());
			}
			if (readiness() == 200) {
				return;
			}
			sleep(250);
		}
		this.process.destroyForcibly();
		throw new IllegalStateException("Keyfob not ready after " + START_TIMEOUT + ":\n" + tail());
	}

	private String tail() throws IOException {
		List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The jar that {@code ./mvnw package} built, as it ships: the suite runs after the
	 * package phase, so it tests the artifact, not the test class path.
	 */
	private static String applicationJar() {
		Path jar = Path.of("target", "keyfob.jar").toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No " + jar
					+ ": run the failure suite through Maven, ./mvnw verify -Pfailure, which builds it first");
		}
		return jar.toString();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
