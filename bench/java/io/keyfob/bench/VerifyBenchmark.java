package io.keyfob.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.keyfob.KeyfobApplication;
import io.keyfob.otp.Base32;
import io.keyfob.otp.HashFunction;
import io.keyfob.otp.Hotp;
import io.keyfob.otp.OtpParameters;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;
import io.keyfob.support.TestPostgres;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures the verify API over HTTP on 127.0.0.1: {@code POST /api/v1/verify} with right
 * codes, at 1, 8 and 32 concurrent clients, on the embedded H2 file database or on
 * PostgreSQL. Users are distinct per client and hold HOTP tokens, so every code is new
 * and accepted and the replay guard never interferes. Not a test: run it with
 * {@code ./mvnw -Pbench -DskipTests test-compile exec:java
 * -Dbench.main=io.keyfob.bench.VerifyBenchmark -Dbench.db=postgresql -Dbench.seconds=20}
 * ({@code h2} is the default database, 15 s per level the default time); add
 * {@code -Dbench.audit=off} to leave out the sign-in log's listener and see what auditing
 * costs.
 * <p>
 * The server and the clients share one JVM and the machine's cores; each request pays for
 * the JWT check, the user lookup, the policy, the row lock, opening the sealed seed, the
 * HMACs and the conditional update, as in production.
 */
public final class VerifyBenchmark {

	static final int USERS = 64;

	static final int[] CLIENTS = { 1, 8, 32 };

	static final OtpParameters SIX_DIGITS = new OtpParameters(HashFunction.HMAC_SHA1, 6);

	private String base = "";

	private String authorization = "";

	VerifyBenchmark() {
	}

	/**
	 * For other benchmarks that measure the verify API next to their own.
	 * @param base the running Keyfob's base URL
	 * @param authorization the verify client's {@code Authorization} header
	 */
	VerifyBenchmark(String base, String authorization) {
		this.base = base;
		this.authorization = authorization;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			options.put(pair[0], (pair.length > 1) ? pair[1] : "true");
		}
		// -Dbench.db and -Dbench.seconds work too: exec:java runs in Maven's JVM
		new VerifyBenchmark().run(options.getOrDefault("db", System.getProperty("bench.db", "h2")),
				Integer.parseInt(options.getOrDefault("seconds", System.getProperty("bench.seconds", "15"))),
				!options.getOrDefault("audit", System.getProperty("bench.audit", "on")).equals("off"));
		System.exit(0);
	}

	void run(String db, int seconds, boolean audit) throws Exception {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--keyfob.secrets.master-key=Yt7jHfZC4Tqm1cVd8pX0s2wKeLrN5bUo9gAiQy3vMhE=", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off", "--keyfob.verify.client-rate-limit=0", "--keyfob.bootstrap.admin-upn=" + GraphTestClient.ADMIN_UPN,
				"--keyfob.bootstrap.admin-password=" + GraphTestClient.ADMIN_PASSWORD,
				"--keyfob.bootstrap.client-id=" + GraphTestClient.BOOTSTRAP_CLIENT_ID,
				"--keyfob.bootstrap.client-secret=" + GraphTestClient.BOOTSTRAP_CLIENT_SECRET));
		Path dataDir = Files.createTempDirectory("keyfob-bench");
		args.add("--keyfob.data-dir=" + dataDir);
		if (db.equals("postgresql")) {
			args.add("--spring.datasource.url=" + TestPostgres.newDatabase());
			args.add("--spring.datasource.username=postgres");
			args.add("--spring.datasource.password=");
		}
		SpringApplicationBuilder builder = new SpringApplicationBuilder(KeyfobApplication.class);
		if (!audit) {
			builder.initializers((context) -> context.addBeanFactoryPostProcessor(WITHOUT_SIGN_IN_AUDITING));
		}
		try (ConfigurableApplicationContext keyfob = builder.run(args.toArray(String[]::new))) {
			int port = ((WebServerApplicationContext) keyfob).getWebServer().getPort();
			this.base = "http://127.0.0.1:" + port;
			GraphTestClient graph = GraphTestClient.forPort(port);
			List<Holder> holders = setUp(graph);
			this.authorization = "Bearer " + graph.appToken(Set.of("HardwareOath.Verify"));
			System.out.printf(Locale.ROOT, "database=%s audit=%s users=%d cores=%d seconds=%d%n", db,
					audit ? "on" : "off", USERS, Runtime.getRuntime().availableProcessors(), seconds);
			measure(holders, 8, 5, false);
			for (int clients : CLIENTS) {
				double verifications = measure(holders, clients, seconds, true);
				double liveness = measureLiveness(clients, seconds);
				System.out.printf(Locale.ROOT, "clients=%2d liveness %,8.0f/s  verify/liveness %.2f%n", clients,
						liveness, verifications / liveness);
			}
		}
	}

	/**
	 * For {@code --audit=off}: the application without the listener that writes a sign-in
	 * entry per code, to measure what auditing costs the verify path. Production has no
	 * such switch.
	 */
	static final BeanFactoryPostProcessor WITHOUT_SIGN_IN_AUDITING = (
			beanFactory) -> ((BeanDefinitionRegistry) beanFactory).removeBeanDefinition("signInAuditing");

	static List<Holder> setUp(GraphTestClient graph) {
		String app = graph.bootstrapToken();
		HardwareTokens.enableForAllUsers(graph, app);
		SecureRandom random = new SecureRandom();
		List<Holder> holders = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			String upn = "bench-" + i + "-" + HardwareTokens.suffix() + "@bench.test";
			UUID user = graph.createUser(upn, null);
			byte[] seed = new byte[20];
			random.nextBytes(seed);
			Map<String, Object> device = new LinkedHashMap<>(Map.of("serialNumber", "B" + HardwareTokens.suffix(),
					"manufacturer", "Yubico", "model", "HOTP", "secretKey", Base32.encode(seed), "otpType", "hotp",
					"counter", 0, "assignTo", Map.of("id", user)));
			String tokenId = graph.post(HardwareTokens.DEVICES, app, device).expect(201).body().get("id").asString();
			graph
				.post("/beta/users/" + user + "/authentication/hardwareOathMethods/" + tokenId + "/activate", app,
						Map.of("verificationCode", Hotp.generate(seed, 0, SIX_DIGITS)))
				.expect(204);
			holders.add(new Holder(upn, seed, new AtomicLong(1)));
		}
		return holders;
	}

	/**
	 * The same server's {@code /actuator/health/liveness} with as many clients for as
	 * long: the ratio to it cancels much of the machine's noise.
	 */
	double measureLiveness(int clients, int seconds) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<Future<Long>> results = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			results.add(pool.submit(() -> {
				HttpClient http = HttpClient.newHttpClient();
				HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/actuator/health/liveness"))
					.build();
				long count = 0;
				while (System.nanoTime() < end) {
					http.send(request, HttpResponse.BodyHandlers.ofString());
					count++;
				}
				return count;
			}));
		}
		long total = 0;
		for (Future<Long> result : results) {
			total += result.get();
		}
		pool.shutdown();
		return total / (double) seconds;
	}

	double measure(List<Holder> holders, int clients, int seconds, boolean report) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<Future<List<Double>>> results = new ArrayList<>();
		AtomicLong refused = new AtomicLong();
		for (int c = 0; c < clients; c++) {
			List<Holder> mine = new ArrayList<>();
			for (int i = c; i < holders.size(); i += clients) {
				mine.add(holders.get(i));
			}
			results.add(pool.submit(() -> client(mine, end, refused)));
		}
		List<Double> millis = new ArrayList<>();
		for (Future<List<Double>> result : results) {
			millis.addAll(result.get());
		}
		pool.shutdown();
		if (report) {
			Collections.sort(millis);
			System.out.printf(Locale.ROOT,
					"clients=%2d verifications=%,7d  %,8.0f/s  p50 %6.2f ms  p99 %6.2f ms  not accepted=%d%n", clients,
					millis.size(), millis.size() / (double) seconds, percentile(millis, 50), percentile(millis, 99),
					refused.get());
		}
		return millis.size() / (double) seconds;
	}

	private List<Double> client(List<Holder> mine, long end, AtomicLong refused) throws Exception {
		List<Double> millis = new ArrayList<>();
		// one client, one connection, as a user's VPN or RADIUS bridge would hold
		HttpClient http = HttpClient.newHttpClient();
		int next = 0;
		while (System.nanoTime() < end) {
			Holder holder = mine.get(next++ % mine.size());
			String code = Hotp.generate(holder.seed(), holder.counter().getAndIncrement(), SIX_DIGITS);
			String body = "{\"userPrincipalName\": \"" + holder.upn() + "\", \"code\": \"" + code + "\"}";
			long start = System.nanoTime();
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/verify"))
					.header("Authorization", this.authorization)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			millis.add((System.nanoTime() - start) / 1_000_000.0);
			if (response.statusCode() != 200 || !response.body().contains("accepted")) {
				refused.incrementAndGet();
			}
		}
		return millis;
	}

	static double percentile(List<Double> sorted, int percentile) {
		return sorted.isEmpty() ? 0
				: sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
	}

	record Holder(String upn, byte[] seed, AtomicLong counter) {
	}

}
