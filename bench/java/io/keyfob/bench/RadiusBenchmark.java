package io.keyfob.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keyfob.bench.VerifyBenchmark.Holder;
import io.keyfob.radius.RadiusServer;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;

/**
 * Measures the RADIUS server with Debian's {@code radclient} (freeradius-utils):
 * Access-Requests with right codes from a {@code codeOnly} client on 127.0.0.1, at 1, 8
 * and 32 outstanding requests ({@code radclient -p}), each level followed by the verify
 * API (with users of its own) and the liveness endpoint of the same server with wrk at as
 * many connections, as {@link VerifyBenchmark} measures them. The 64 users hold HOTP tokens, so every code is
 * new; a user's next request is at least 64 requests later in the file, so it is sent only
 * after the previous one was answered (at most 32 are outstanding) and no code is ever a
 * replay. Every answer that is not an Access-Accept is counted; there must be none.
 * <p>
 * radclient runs in batches of a few seconds each; its start (reading the dictionaries,
 * some tens of milliseconds) is inside the measured time, which makes the RADIUS rate a
 * little low. Run with {@code bench/radius.sh}, or {@code ./mvnw -Pbench -DskipTests
 * test-compile exec:java -Dbench.main=io.keyfob.bench.RadiusBenchmark
 * -Dexec.args="--db=postgresql --seconds=10"}.
 */
public final class RadiusBenchmark {

	private static final Path RADCLIENT = Path.of("/usr/bin/radclient");

	private static final Pattern ACCEPTED = Pattern.compile("Accepted\\s*:\\s*(\\d+)");

	private static final double SECONDS_PER_BATCH = 3;

	/** Enough users that a user's next request waits for its previous answer. */
	private static final int USERS = 64;

	private final int port;

	private final String secret;

	private RadiusBenchmark(int port, String secret) {
		this.port = port;
		this.secret = secret;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchKeyfob.options(args);
		String db = options.getOrDefault("db", "h2");
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
		if (!Files.isExecutable(RADCLIENT)) {
			throw new IllegalStateException("radclient is not installed (apt-get install freeradius-utils)");
		}
		try (BenchKeyfob keyfob = BenchKeyfob.start(db, "--keyfob.radius.enabled=true", "--keyfob.radius.port=0",
				"--keyfob.radius.address=127.0.0.1", "--keyfob.verify.client-rate-limit=0")) {
			GraphTestClient graph = GraphTestClient.forPort(keyfob.port());
			String app = graph.bootstrapToken();
			HardwareTokens.enableForAllUsers(graph, app);
			List<Holder> holders = new ArrayList<>();
			for (int i = 0; i < USERS; i++) {
				holders.add(VerifyBenchmark.newHolder(graph, app));
			}
			String secret = graph
				.post("/api/v1/radius-clients", app,
						Map.of("displayName", "Bench NAS", "address", "127.0.0.1", "mode", "codeOnly"))
				.expect(201)
				.body()
				.get("sharedSecret")
				.asString();
			RadiusBenchmark radius = new RadiusBenchmark(
					keyfob.context().getBean(RadiusServer.class).localPort(), secret);
			String authorization = "Bearer " + graph.appToken(Set.of("HardwareOath.Verify"));
			System.out.printf(Locale.ROOT, "database=%s users=%d cores=%d seconds=%d load=%s%n", db, holders.size(),
					Runtime.getRuntime().availableProcessors(), seconds, VerifyBenchmark.Wrk.loadAverage());
			radius.measure(holders, 8, 3, false);
			VerifyBenchmark.level(graph, app, authorization, keyfob.base(), 8, 3);
			for (int outstanding : VerifyBenchmark.CONNECTIONS) {
				double requests = radius.measure(holders, outstanding, seconds, true);
				VerifyBenchmark.Wrk.Result verify = VerifyBenchmark.level(graph, app, authorization, keyfob.base(),
						outstanding, seconds);
				VerifyBenchmark.Wrk.Result liveness = VerifyBenchmark.Wrk
					.run(keyfob.base() + "/actuator/health/liveness", outstanding, seconds, null);
				System.out.printf(Locale.ROOT,
						"clients=%2d verify %,7.0f/s (not accepted=%d) liveness %,7.0f/s  radius/liveness %.2f  verify/liveness %.2f  load %s%n",
						outstanding, verify.rate(), verify.notAccepted(), liveness.rate(), requests / liveness.rate(),
						verify.rate() / liveness.rate(), VerifyBenchmark.Wrk.loadAverage());
			}
		}
		System.exit(0);
	}

	/**
	 * Send right codes in batches until the time is up.
	 * @return Access-Requests answered per second
	 */
	private double measure(List<Holder> holders, int outstanding, int seconds, boolean report) throws Exception {
		long sent = 0;
		long accepted = 0;
		long nanos = 0;
		int batch = 4 * holders.size();
		int next = 0;
		while (nanos < seconds * 1_000_000_000L) {
			StringBuilder file = new StringBuilder();
			for (int i = 0; i < batch; i++) {
				Holder holder = holders.get(next++ % holders.size());
				String code = holder.nextCode();
				file.append("User-Name = \"")
					.append(holder.upn())
					.append("\", User-Password = \"")
					.append(code)
					.append("\", Message-Authenticator = 0x00\n\n");
			}
			long start = System.nanoTime();
			accepted += radclient(file.toString(), outstanding);
			long took = System.nanoTime() - start;
			nanos += took;
			sent += batch;
			// whole rounds over the users, about SECONDS_PER_BATCH long
			double rate = batch / (took / 1e9);
			batch = holders.size() * Math.max(1, (int) (rate * SECONDS_PER_BATCH / holders.size()));
		}
		double perSecond = sent / (nanos / 1e9);
		if (report) {
			System.out.printf(Locale.ROOT, "clients=%2d radius requests=%,7d  %,8.0f/s  not accepted=%d%n",
					outstanding, sent, perSecond, sent - accepted);
		}
		return perSecond;
	}

	/**
	 * One radclient run over a file of requests.
	 * @return how many were accepted
	 */
	private long radclient(String requests, int outstanding) throws IOException, InterruptedException {
		Path file = Files.createTempFile("radius-bench", ".txt");
		try {
			Files.writeString(file, requests, StandardCharsets.UTF_8);
			Process process = new ProcessBuilder(RADCLIENT.toString(), "-4", "-q", "-s", "-p",
					Integer.toString(outstanding), "-r", "3", "-t", "5", "-f", file.toString(),
					"127.0.0.1:" + this.port, "auth", this.secret)
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("radclient did not finish");
			}
			Matcher matcher = ACCEPTED.matcher(output);
			if (!matcher.find()) {
				throw new IllegalStateException("radclient printed no summary: " + output);
			}
			return Long.parseLong(matcher.group(1));
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
