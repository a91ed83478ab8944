package io.keyfob.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keyfob.otp.Base32;
import io.keyfob.otp.HashFunction;
import io.keyfob.otp.Hotp;
import io.keyfob.otp.OtpParameters;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

/**
 * Measures the verify API over real HTTP on 127.0.0.1 with wrk as the load generator:
 * {@code POST /api/v1/verify} with right codes at 1, 8 and 32 connections, each
 * connection one user holding an HOTP token (so every code is new and accepted), a closed
 * loop. Each level is followed by the same server's {@code /actuator/health/liveness} at
 * as many connections, so the ratio cancels much of the machine's noise. Prints
 * verifications/s, p50, p99, the ratio and every answer that was not {@code accepted}.
 * Not a test: run {@code bench/verify.sh}, or
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:java
 * -Dbench.main=io.keyfob.bench.VerifyBenchmark -Dexec.args="--db=postgresql --seconds=15"}
 * ({@code --connections=32} measures one level only; {@code --audit=off} leaves out the sign-in log's listener to see what auditing costs).
 * <p>
 * wrk runs outside the JVM and costs little CPU, so most of the two cores go to the server.
 */
public final class VerifyBenchmark {

	static final String CLIENT_RATE_LIMIT_OFF = "--keyfob.verify.client-rate-limit=0";

	static final int[] CONNECTIONS = { 1, 8, 32 };

	static final OtpParameters SIX_DIGITS = new OtpParameters(HashFunction.HMAC_SHA1, 6);

	/** More codes per user than a level can use at this rate per connection and second. */
	static final int CODES_PER_SECOND = 12_000;

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchKeyfob.options(args);
		String db = options.getOrDefault("db", System.getProperty("bench.db", "h2"));
		int seconds = Integer.parseInt(options.getOrDefault("seconds", System.getProperty("bench.seconds", "15")));
		boolean audit = !options.getOrDefault("audit", System.getProperty("bench.audit", "on")).equals("off");
		try (BenchKeyfob keyfob = (audit) ? BenchKeyfob.start(db, CLIENT_RATE_LIMIT_OFF)
				: BenchKeyfob.start(db, WITHOUT_SIGN_IN_AUDITING, CLIENT_RATE_LIMIT_OFF)) {
			int[] levels = options.containsKey("connections")
					? Arrays.stream(options.get("connections").split(",")).mapToInt(Integer::parseInt).toArray()
					: CONNECTIONS;
			new VerifyBenchmark().run(keyfob, db, seconds, audit, levels, !options.containsKey("no-liveness"));
		}
		System.exit(0);
	}

	void run(BenchKeyfob keyfob, String db, int seconds, boolean audit, int[] levels, boolean liveness)
			throws Exception {
		GraphTestClient graph = GraphTestClient.forPort(keyfob.port());
		String app = graph.bootstrapToken();
		HardwareTokens.enableForAllUsers(graph, app);
		String authorization = "Bearer " + graph.appToken(Set.of("HardwareOath.Verify"));
		System.out.printf(Locale.ROOT, "database=%s audit=%s cores=%d seconds=%d load=%s%n", db, audit ? "on" : "off",
				Runtime.getRuntime().availableProcessors(), seconds, Wrk.loadAverage());
		// a warm-up level, then the measured ones; each level has users of its own
		level(graph, app, authorization, keyfob.base(), 8, 5);
		for (int connections : levels) {
			Wrk.Result verify = level(graph, app, authorization, keyfob.base(), connections, seconds);
			// --no-liveness: for a profile of the verify path alone
			Wrk.Result alive = liveness ? Wrk.run(keyfob.base() + "/actuator/health/liveness", connections, seconds, null)
					: new Wrk.Result(Double.NaN, 0, 0, 0);
			System.out.printf(Locale.ROOT,
					"connections=%2d verify %,7.0f/s p50 %6.2f ms p99 %6.2f ms not-accepted=%d | liveness %,7.0f/s | ratio %.2f | load %s%n",
					connections, verify.rate(), verify.p50(), verify.p99(), verify.notAccepted(), alive.rate(),
					verify.rate() / alive.rate(), Wrk.loadAverage());
		}
	}

	static Wrk.Result level(GraphTestClient graph, String app, String authorization, String base, int connections,
			int seconds) throws Exception {
		Path dir = Files.createTempDirectory("keyfob-bench-codes");
		int codes = CODES_PER_SECOND * seconds / connections;
		for (int user = 0; user < connections; user++) {
			writeUser(graph, app, authorization, dir.resolve("user-" + user + ".txt"), codes);
		}
		return Wrk.run(base + "/api/v1/verify", connections, seconds, dir);
	}

	/** Creates a user with an activated HOTP token and writes the codes it will show. */
	private static void writeUser(GraphTestClient graph, String app, String authorization, Path file, int codes)
			throws IOException {
		Holder holder = newHolder(graph, app);
		List<String> lines = new ArrayList<>(codes + 2);
		lines.add(authorization);
		lines.add(holder.upn());
		for (int i = 0; i < codes; i++) {
			lines.add(holder.nextCode());
		}
		Files.write(file, lines, StandardCharsets.US_ASCII);
	}

	/**
	 * Creates a user holding an activated HOTP token.
	 * @param graph the client
	 * @param app an access token that may create users and tokens
	 * @return the user, its seed and the counter of its next code
	 */
	static Holder newHolder(GraphTestClient graph, String app) {
		String upn = "bench-" + HardwareTokens.suffix() + "@bench.test";
		UUID user = graph.createUser(upn, null);
		byte[] seed = new byte[20];
		new SecureRandom().nextBytes(seed);
		Map<String, Object> device = new LinkedHashMap<>(Map.of("serialNumber", "B" + HardwareTokens.suffix(),
				"manufacturer", "Yubico", "model", "HOTP", "secretKey", Base32.encode(seed), "otpType", "hotp",
				"counter", 0, "assignTo", Map.of("id", user)));
		String tokenId = graph.post(HardwareTokens.DEVICES, app, device).expect(201).body().get("id").asString();
		graph
			.post("/beta/users/" + user + "/authentication/hardwareOathMethods/" + tokenId + "/activate", app,
					Map.of("verificationCode", Hotp.generate(seed, 0, SIX_DIGITS)))
			.expect(204);
		return new Holder(upn, seed, new AtomicLong(1));
	}

	/**
	 * A benchmark user.
	 *
	 * @param upn the user principal name
	 * @param seed the token's seed
	 * @param counter the counter of the token's next code
	 */
	record Holder(String upn, byte[] seed, AtomicLong counter) {

		String nextCode() {
			return Hotp.generate(this.seed, this.counter.getAndIncrement(), SIX_DIGITS);
		}

	}

	/**
	 * For {@code --audit=off}: the application without the listener that writes a sign-in
	 * entry per code, to measure what auditing costs the verify path. Production has no
	 * such switch.
	 */
	static final BeanFactoryPostProcessor WITHOUT_SIGN_IN_AUDITING = (
			beanFactory) -> ((BeanDefinitionRegistry) beanFactory).removeBeanDefinition("signInAuditing");

	/** Runs wrk with one thread per connection and reads its report. */
	static final class Wrk {

		private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

		private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$",
				Pattern.MULTILINE);

		private static final Pattern NOT_ACCEPTED = Pattern.compile("not_accepted=(\\d+) out_of_codes=(\\d+)");

		record Result(double rate, double p50, double p99, long notAccepted) {
		}

		/**
		 * @param url the URL
		 * @param connections connections, one wrk thread each
		 * @param seconds how long
		 * @param codes the directory of the users' code files, or {@code null} for a plain
		 * GET
		 */
		static Result run(String url, int connections, int seconds, Path codes) throws Exception {
			List<String> command = new ArrayList<>(List.of("wrk", "-t" + connections, "-c" + connections,
					"-d" + seconds + "s", "--latency", "--timeout", "10s"));
			if (codes != null) {
				command.addAll(List.of("-s", Path.of("bench", "verify.lua").toAbsolutePath().toString()));
			}
			command.add(url);
			if (codes != null) {
				command.addAll(List.of("--", codes.toString()));
			}
			Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
			String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (wrk.waitFor() != 0) {
				throw new IllegalStateException("wrk failed:\n" + report);
			}
			Matcher rate = RATE.matcher(report);
			if (!rate.find()) {
				throw new IllegalStateException("No rate in wrk's report:\n" + report);
			}
			double p50 = 0;
			double p99 = 0;
			Matcher percentile = PERCENTILE.matcher(report);
			while (percentile.find()) {
				double millis = Double.parseDouble(percentile.group(2)) * switch (percentile.group(3)) {
					case "us" -> 0.001;
					case "s" -> 1000;
					default -> 1;
				};
				if (percentile.group(1).equals("50")) {
					p50 = millis;
				}
				else {
					p99 = millis;
				}
			}
			long notAccepted = 0;
			Matcher refused = NOT_ACCEPTED.matcher(report);
			if (refused.find()) {
				notAccepted = Long.parseLong(refused.group(1));
				if (Long.parseLong(refused.group(2)) > 0) {
					throw new IllegalStateException("The users ran out of codes: raise CODES_PER_SECOND");
				}
			}
			return new Result(Double.parseDouble(rate.group(1)), p50, p99, notAccepted);
		}

		static String loadAverage() throws IOException {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}

	}

}
