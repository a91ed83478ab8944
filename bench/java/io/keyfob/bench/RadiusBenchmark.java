package io.keyfob.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.keyfob.bench.VerifyBenchmark.Holder;
import io.keyfob.otp.Hotp;
import io.keyfob.radius.RadiusServer;
import io.keyfob.support.GraphTestClient;

/**
 * Measures the RADIUS server with Debian's {@code radclient} (freeradius-utils):
 * Access-Requests with right codes from a {@code codeOnly} client on 127.0.0.1, at 1, 8
 * and 32 outstanding requests ({@code radclient -p}), each level followed by the verify
 * API and the liveness endpoint of the same server with as many clients, as
 * {@link VerifyBenchmark} measures them. The 64 users hold HOTP tokens, so every code is
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
			List<Holder> holders = VerifyBenchmark.setUp(graph);
			String secret = graph
				.post("/api/v1/radius-clients", graph.bootstrapToken(),
						Map.of("displayName", "Bench NAS", "address", "127.0.0.1", "mode", "codeOnly"))
				.expect(201)
				.body()
				.get("sharedSecret")
				.asString();
			RadiusBenchmark radius = new RadiusBenchmark(
					keyfob.context().getBean(RadiusServer.class).localPort(), secret);
			VerifyBenchmark verify = new VerifyBenchmark(keyfob.base(),
					"Bearer " + graph.appToken(Set.of("HardwareOath.Verify")));
			System.out.printf(Locale.ROOT, "database=%s users=%d cores=%d seconds=%d%n", db, holders.size(),
					Runtime.getRuntime().availableProcessors(), seconds);
			radius.measure(holders, 8, 3, false);
			verify.measure(holders, 8, 3, false);
			for (int outstanding : VerifyBenchmark.CLIENTS) {
				double requests = radius.measure(holders, outstanding, seconds, true);
				double verifications = verify.measure(holders, outstanding, seconds, true);
				double liveness = verify.measureLiveness(outstanding, seconds);
				System.out.printf(Locale.ROOT,
						"clients=%2d liveness %,8.0f/s  radius/liveness %.2f  verify/liveness %.2f%n", outstanding,
						liveness, requests / liveness, verifications / liveness);
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
				String code = Hotp.generate(holder.seed(), holder.counter().getAndIncrement(),
						VerifyBenchmark.SIX_DIGITS);
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
