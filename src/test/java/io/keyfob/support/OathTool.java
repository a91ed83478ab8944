package io.keyfob.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.keyfob.otp.HashFunction;
import io.keyfob.otp.Hex;

/**
 * Runs OATH Toolkit's {@code oathtool} (Debian package {@code oathtool}) as an
 * independent reference implementation of HOTP and TOTP.
 * <p>
 * The key goes to the process on standard input, never on the command line (where other
 * users could read it) and never into an exception message. Each run is limited to
 * {@value #TIMEOUT_SECONDS} seconds. Tests should skip themselves with
 * {@code Assumptions.assumeTrue(OathTool.available(), OathTool.NOT_INSTALLED)} where the
 * tool is missing.
 */
public final class OathTool {

	/** Why a test was skipped, for {@code assumeTrue}. */
	public static final String NOT_INSTALLED = "oathtool not installed: apt-get install oathtool to run this cross-check";

	private static final String EXECUTABLE = "oathtool";

	private static final long TIMEOUT_SECONDS = 10;

	private OathTool() {
	}

	/**
	 * Tells whether {@code oathtool} is on the {@code PATH}.
	 * @return whether the tool can be run
	 */
	public static boolean available() {
		String path = Objects.requireNonNullElse(System.getenv("PATH"), "");
		for (String directory : path.split(File.pathSeparator)) {
			if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, EXECUTABLE))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Computes a HOTP code. {@code oathtool --hotp} supports HMAC-SHA-1 only, as RFC 4226
	 * does; use {@link #totp} with a one-second step and the counter as the time for the
	 * other hash functions.
	 * @param key the secret
	 * @param digits 6, 7 or 8
	 * @param counter the counter, read as unsigned 64-bit
	 * @return the code as printed by the tool
	 */
	public static String hotp(byte[] key, int digits, long counter) {
		return run(key, List.of("--hotp", "--digits=" + digits, "--counter=" + Long.toUnsignedString(counter)));
	}

	/**
	 * Computes a TOTP code with {@code T0 = 0}.
	 * @param key the secret
	 * @param hashFunction the HMAC
	 * @param digits 6, 7 or 8
	 * @param stepSeconds the time step in seconds
	 * @param at the time; whole seconds only
	 * @return the code as printed by the tool
	 */
	public static String totp(byte[] key, HashFunction hashFunction, int digits, int stepSeconds, Instant at) {
		String mode = hashFunction.jcaName().substring("Hmac".length()).toUpperCase(Locale.ROOT);
		return run(key, List.of("--totp=" + mode, "--digits=" + digits, "--time-step-size=" + stepSeconds + "s",
				"--now=@" + at.getEpochSecond()));
	}

	private static String run(byte[] key, List<String> options) {
		List<String> command = new ArrayList<>();
		command.add(EXECUTABLE);
		command.addAll(options);
		command.add("-");
		String hexKey = Hex.encode(key);
		try {
			Process process = new ProcessBuilder(command).start();
			try (OutputStream stdin = process.getOutputStream()) {
				stdin.write((hexKey + "\n").getBytes(StandardCharsets.US_ASCII));
			}
			// the output is a few bytes, so waiting before reading cannot block on a full
			// pipe
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("oathtool did not finish within " + TIMEOUT_SECONDS + " s: " + options);
			}
			String stdout = read(process.getInputStream().readAllBytes());
			String stderr = read(process.getErrorStream().readAllBytes()).replace(hexKey, "<key>");
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"oathtool exited with " + process.exitValue() + " for " + options + ": " + stderr);
			}
			return stdout;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run oathtool " + options, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running oathtool " + options, ex);
		}
	}

	private static String read(byte[] output) {
		return new String(output, StandardCharsets.US_ASCII).strip();
	}

}
