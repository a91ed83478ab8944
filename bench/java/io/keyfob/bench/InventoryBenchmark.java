package io.keyfob.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

import io.keyfob.otp.Base32;
import io.keyfob.support.GraphTestClient;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures the inventory over HTTP on 127.0.0.1: bulk upload throughput (requests of
 * 1,000 tokens, one after another) and the latency of filtered list pages, on the
 * embedded H2 file database or on PostgreSQL. Not a test: run it with
 * {@code ./mvnw -Pbench test-compile exec:java -Dexec.args="--db=h2 --tokens=100000"}.
 * <p>
 * The server and this client share one JVM and the machine's cores. Requests carry a
 * real access token of an application from Keyfob's own authorization server, so each
 * request pays for the JWT check as in production.
 */
public final class InventoryBenchmark {

	static final int BATCH = 1000;

	static final String DEVICES = "/beta/directory/authenticationMethodDevices/hardwareOathDevices";

	static final String[] MANUFACTURERS = { "Feitian", "Thales", "Token2", "Deepnet" };

	static final String[] MODELS = { "c200", "OTP 110", "C202", "SafeID", "c100" };

	static final String[] HASHES = { "hmacsha1", "hmacsha1", "hmacsha256", "hmacsha512" };

	private final HttpClient http = HttpClient.newHttpClient();

	private String authorization = "";

	private String base = "";

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchKeyfob.options(args);
		String db = options.getOrDefault("db", "h2");
		int tokens = Integer.parseInt(options.getOrDefault("tokens", "100000"));
		int samples = Integer.parseInt(options.getOrDefault("samples", "200"));
		boolean listOnly = Boolean.parseBoolean(options.getOrDefault("list-only", "false"));
		new InventoryBenchmark().run(db, tokens, samples, listOnly);
		System.exit(0);
	}

	void run(String db, int tokens, int samples, boolean listOnly) throws Exception {
		try (BenchKeyfob keyfob = BenchKeyfob.start(db)) {
			int port = keyfob.port();
			this.base = keyfob.base();
			this.authorization = "Bearer " + GraphTestClient.forPort(port)
				.appToken(java.util.Set.of("Policy.Read.All", "Policy.ReadWrite.AuthenticationMethod"));
			JdbcClient jdbc = keyfob.context().getBean(JdbcClient.class);
			System.out.printf(Locale.ROOT, "database=%s tokens=%,d cores=%d%n", db, tokens,
					Runtime.getRuntime().availableProcessors());
			if (!listOnly) {
				upload(tokens);
			}
			List<UUID> users = assignSome(jdbc, tokens);
			if (db.equals("postgresql")) {
				jdbc.sql("analyze hardware_oath_token").update();
			}
			listLatency(tokens, samples, users);
			explain(jdbc, tokens, users.get(0));
		}
	}

	// the statements JdbcTokenSearch sends for the queries above, with the values inlined
	private static void explain(JdbcClient jdbc, int tokens, UUID user) {
		String select = "select id, serial_number, status from hardware_oath_token ";
		String page = " order by serial_key limit 101";
		String middle = serial(tokens / 2).toLowerCase(Locale.ROOT);
		List<String> statements = List.of(select + page, select + "where serial_key > '" + middle + "'" + page,
				select + "order by serial_key desc limit 101",
				select + "where serial_key = '" + serial(tokens - 3).toLowerCase(Locale.ROOT) + "'" + page,
				select + "where status = 'ASSIGNED' order by status, serial_key limit 101", select + "where assigned_to = '" + user + "' order by assigned_to, serial_key limit 101",
				select + "where (manufacturer = 'Thales' and status = 'AVAILABLE') order by status, serial_key limit 101",
				select + "where (serial_key >= '" + prefix(tokens, 5).toLowerCase(Locale.ROOT) + "' and serial_key < '"
						+ prefix(tokens, 6).toLowerCase(Locale.ROOT) + "' and serial_key like '"
						+ prefix(tokens, 5).toLowerCase(Locale.ROOT) + "%' escape '\\')" + page,
				select + "where (hash_function = 'HMAC_SHA512' or time_interval_seconds = 60)" + page,
				"select count(*) from hardware_oath_token where model = 'c200'");
		for (String statement : statements) {
			System.out.println("EXPLAIN ANALYZE " + statement);
			jdbc.sql("explain analyze " + statement)
				.query(String.class)
				.list()
				.forEach((line) -> System.out.println("    " + line));
		}
	}

	private void upload(int tokens) throws Exception {
		SecureRandom random = new SecureRandom();
		List<Double> millis = new ArrayList<>();
		long start = System.nanoTime();
		for (int from = 0; from < tokens; from += BATCH) {
			StringBuilder body = new StringBuilder("{\"@context\": \"#$delta\", \"value\": [");
			for (int i = from; i < Math.min(tokens, from + BATCH); i++) {
				byte[] seed = new byte[20];
				random.nextBytes(seed);
				body.append((i > from) ? "," : "")
					.append(String.format(Locale.ROOT,
							"{\"@contentId\": \"%d\", \"serialNumber\": \"%s\", \"manufacturer\": \"%s\", "
									+ "\"model\": \"%s\", \"secretKey\": \"%s\", \"timeIntervalInSeconds\": %d, "
									+ "\"hashFunction\": \"%s\"}",
							i, serial(i), MANUFACTURERS[i % 4], MODELS[i % 5], Base32.encode(seed),
							(i % 10 == 0) ? 60 : 30, HASHES[i % 4]));
			}
			long t0 = System.nanoTime();
			HttpResponse<String> response = send("PATCH", DEVICES, body.append("]}").toString());
			millis.add((System.nanoTime() - t0) / 1e6);
			if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
				throw new IllegalStateException("Upload failed: " + response.statusCode() + " "
						+ response.body().substring(0, Math.min(500, response.body().length())));
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT, "upload: %,d tokens in %.1f s = %,.0f tokens/s; per 1,000-item request "
				+ "p50 %.0f ms, p99 %.0f ms%n", tokens, seconds, tokens / seconds, percentile(millis, 50),
				percentile(millis, 99));
	}

	// about 1 % of the tokens assigned, half of them to one user, to make the status and
	// assignedTo filters selective
	private static List<UUID> assignSome(JdbcClient jdbc, int tokens) {
		List<UUID> users = List.of(UUID.randomUUID(), UUID.randomUUID());
		for (int i = 0; i < tokens / 100; i++) {
			jdbc.sql("update hardware_oath_token set status = 'ASSIGNED', assigned_to = :user where serial_key = :key")
				.param("user", users.get(i % 2))
				.param("key", serial(i * 100 + 7).toLowerCase(Locale.ROOT))
				.update();
		}
		return users;
	}

	// Each request of a row asks for different values (another page, serial, prefix, ...):
	// a database that caches the results of repeated queries (H2 does) gains nothing.
	private void listLatency(int tokens, int samples, List<UUID> users) throws Exception {
		Random random = new Random(42);
		Map<String, IntFunction<String>> queries = new LinkedHashMap<>();
		queries.put("first page, no filter ($top=100)", (i) -> "$top=100");
		queries.put("a page anywhere via $skiptoken ($top=100)", (i) -> "$top=100&$skiptoken="
				+ skipToken(serial(random.nextInt(tokens)).toLowerCase(Locale.ROOT), false));
		queries.put("a page anywhere, descending", (i) -> "$top=100&$orderby=" + enc("serialNumber desc")
				+ "&$skiptoken=" + skipToken(serial(random.nextInt(tokens)).toLowerCase(Locale.ROOT), true));
		queries.put("serialNumber eq (one token)",
				(i) -> "$filter=" + enc("serialNumber eq '" + serial(random.nextInt(tokens)) + "'"));
		queries.put("status eq 'assigned' (1 %), a page anywhere", (i) -> "$top=100&$filter="
				+ enc("status eq 'assigned'") + "&$skiptoken="
				+ skipToken(serial(random.nextInt(tokens)).toLowerCase(Locale.ROOT), false));
		queries.put("assignedTo/id eq (0.5 %)",
				(i) -> "$top=100&$filter=" + enc("assignedTo/id eq '" + users.get(i % 2) + "'"));
		queries.put("manufacturer eq and status eq (25 %)", (i) -> "$top=100&$filter="
				+ enc("manufacturer eq '" + MANUFACTURERS[i % 4] + "' and status eq 'available'"));
		queries.put("startswith(serialNumber) (10 %)", (i) -> "$top=100&$filter="
				+ enc("startswith(serialNumber,'" + prefix(tokens, random.nextInt(10)) + "')"));
		queries.put("startswith(serialNumber) (100 tokens)", (i) -> "$top=100&$filter="
				+ enc("startswith(serialNumber,'" + serial(random.nextInt(tokens)).substring(0, 10) + "')"));
		queries.put("hashFunction eq or timeIntervalInSeconds eq", (i) -> "$top=100&$filter="
				+ enc("hashFunction eq '" + HASHES[1 + i % 3] + "' or timeIntervalInSeconds eq 60"));
		queries.put("model eq, $count=true (20 %)",
				(i) -> "$top=100&$count=true&$filter=" + enc("model eq '" + MODELS[i % 5] + "'"));
		queries.put("$top=999, a page anywhere", (i) -> "$top=999&$skiptoken="
				+ skipToken(serial(random.nextInt(tokens)).toLowerCase(Locale.ROOT), false));
		System.out.println("list latency (ms), " + samples + " requests each after " + samples / 4 + " warm-up:");
		for (Map.Entry<String, IntFunction<String>> query : queries.entrySet()) {
			for (int i = 0; i < samples / 4; i++) {
				get(query.getValue().apply(i));
			}
			List<Double> millis = new ArrayList<>();
			for (int i = 0; i < samples; i++) {
				String request = query.getValue().apply(i);
				long t0 = System.nanoTime();
				get(request);
				millis.add((System.nanoTime() - t0) / 1e6);
			}
			System.out.printf(Locale.ROOT, "  %-50s p50 %7.2f  p99 %7.2f  mean %7.2f%n", query.getKey(),
					percentile(millis, 50), percentile(millis, 99),
					millis.stream().mapToDouble(Double::doubleValue).average().orElse(0));
		}
	}

	// the n-th of ten prefixes that each match a tenth of the tokens
	static String prefix(int tokens, int n) {
		return serial(n * tokens / 10).substring(0, prefixLength(tokens));
	}

	private void get(String query) throws Exception {
		HttpResponse<String> response = send("GET", DEVICES + "?" + query, null);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("List failed: " + response.statusCode() + " " + response.body());
		}
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", this.authorization)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	// BENCH + 7 digits: leaving log10(tokens) - 1 digits open matches a tenth of the tokens
	static int prefixLength(int tokens) {
		return 12 - ((int) Math.round(Math.log10(tokens)) - 1);
	}

	static String serial(int i) {
		return String.format(Locale.ROOT, "BENCH%07d", i);
	}

	static String skipToken(String cursor, boolean descending) {
		String plain = "1" + (descending ? "d" : "a") + cursor;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static double percentile(List<Double> values, int percentile) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
	}

}
