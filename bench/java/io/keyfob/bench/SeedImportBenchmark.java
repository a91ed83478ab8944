package io.keyfob.bench;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import io.keyfob.otp.Base32;
import io.keyfob.support.GraphTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures seed file imports through the real path: a multipart upload to
 * {@code POST /api/v1/seed-imports} on 127.0.0.1, then the job followed with
 * {@code GET} until it has finished, on the embedded H2 file database or on PostgreSQL.
 * Files of N fresh tokens (TOTP, random 20-byte secrets, no users) in each format: a
 * vendor CSV, the same CSV again (every token unchanged), and PSKC plain, encrypted
 * with a pre-shared key (AES-128-CBC, HMAC-SHA1 MACs) and with a password (PBKDF2,
 * 100,000 iterations, as csv2pskc writes). Not a test: run it with
 * {@code ./mvnw -Pbench test-compile exec:java -Dbench.main=io.keyfob.bench.SeedImportBenchmark
 * -Dexec.args="--db=h2 --tokens=100000"}.
 * <p>
 * Reports per file: the upload and reading (until the {@code 202}), the checks, the
 * storing, the total and tokens per second, and the highest heap use seen (including
 * garbage not yet collected). A smaller import warms the server up first. Server and
 * client share one JVM and the machine's cores.
 */
public final class SeedImportBenchmark {

	static final String PATH = "/api/v1/seed-imports";

	static final String PSK_HEX = "000102030405060708090a0b0c0d0e0f";

	static final String PASSWORD = "bench password";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final SecureRandom random = new SecureRandom();

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private String base = "";

	private String authorization = "";

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchKeyfob.options(args);
		String db = options.getOrDefault("db", "h2");
		int tokens = Integer.parseInt(options.getOrDefault("tokens", "100000"));
		List<String> formats = List.of(options.getOrDefault("formats", "csv,pskc,pskc-psk,pskc-password").split(","));
		new SeedImportBenchmark().run(db, tokens, formats);
		System.exit(0);
	}

	void run(String db, int tokens, List<String> formats) throws Exception {
		Path folder = Files.createTempDirectory("keyfob-seed-bench");
		try (BenchKeyfob keyfob = BenchKeyfob.start(db, "--keyfob.seed-import.max-file-size=1GB",
				"--keyfob.seed-import.max-rows=" + Math.max(tokens, 1))) {
			this.base = keyfob.base();
			this.authorization = "Bearer " + GraphTestClient.forPort(keyfob.port())
				.appToken(Set.of("Policy.Read.All", "Policy.ReadWrite.AuthenticationMethod"));
			System.out.printf(Locale.ROOT, "database=%s tokens=%,d cores=%d max heap=%,d MB%n", db, tokens,
					Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
			// JIT compilation and the database's first growth make the first import of a
			// fresh server up to twice as slow; one not measured comes first
			int warmUp = Math.min(tokens, 20_000);
			measure("warm-up (not a result)", csv(folder.resolve("warm-up.csv"), warmUp, "U"), Map.of());
			for (String format : formats) {
				switch (format) {
					case "csv" -> {
						Path csv = csv(folder.resolve("tokens.csv"), tokens, "C");
						measure("vendor CSV", csv, Map.of());
						measure("vendor CSV again (all unchanged)", csv, Map.of());
					}
					case "pskc" -> measure("PSKC plain", pskc(folder.resolve("plain.pskcxml"), tokens, "P", null),
							Map.of());
					case "pskc-psk" -> measure("PSKC, pre-shared key",
							pskc(folder.resolve("psk.pskcxml"), tokens, "K", Encryption.preSharedKey()),
							Map.of("psk", PSK_HEX));
					case "pskc-password" -> measure("PSKC, password (PBKDF2)",
							pskc(folder.resolve("password.pskcxml"), tokens, "W", Encryption.password(this.random)),
							Map.of("password", PASSWORD));
					default -> throw new IllegalArgumentException("Unknown format " + format);
				}
			}
		}
	}

	private void measure(String name, Path file, Map<String, String> fields) throws Exception {
		System.gc();
		Map<String, Long> cpuBefore = cpuByThreadGroup();
		long processCpuBefore = processCpu();
		AtomicLong peak = new AtomicLong();
		Thread sampler = sampleHeap(peak);
		long t0 = System.nanoTime();
		HttpResponse<String> accepted = upload(file, fields);
		long t1 = System.nanoTime();
		if (accepted.statusCode() != 202) {
			throw new IllegalStateException("Upload refused: " + accepted.statusCode() + " " + accepted.body());
		}
		String location = accepted.headers().firstValue("Location").orElseThrow();
		long checked = 0;
		JsonNode job;
		while (true) {
			job = get(location);
			JsonNode progress = job.get("progress");
			if (checked == 0 && progress.get("validatedRows").asInt() == progress.get("totalRows").asInt()) {
				checked = System.nanoTime();
			}
			String status = job.get("status").asString();
			if (status.equals("succeeded") || status.equals("failed")) {
				break;
			}
			Thread.sleep(100);
		}
		long t3 = System.nanoTime();
		sampler.interrupt();
		if (checked == 0) {
			checked = t3;
		}
		int total = job.get("progress").get("totalRows").asInt();
		double seconds = (t3 - t0) / 1e9;
		System.out.printf(Locale.ROOT,
				"%-34s %,7.1f MB %,8d tokens: read %5.1f s, check %5.1f s, store %5.1f s, total %5.1f s = %,6.0f "
						+ "tokens/s; peak heap %,d MB; %s%n",
				name, Files.size(file) / 1e6, total, (t1 - t0) / 1e9, (checked - t1) / 1e9, (t3 - checked) / 1e9,
				seconds, total / seconds, peak.get() >> 20, job.get("message").asString());
		System.out.printf(Locale.ROOT, "%34s process CPU %.1f s; by thread: %s%n", "",
				(processCpu() - processCpuBefore) / 1e9, cpuSpent(cpuBefore, cpuByThreadGroup()));
		if (!job.get("status").asString().equals("succeeded") || job.get("counts").get("rejected").asInt() > 0) {
			throw new IllegalStateException("Import did not succeed: " + job);
		}
	}

	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	// CPU time of the live threads, by name without its number ("seed-import-1" and
	// "seed-import-2" are one group)
	private static Map<String, Long> cpuByThreadGroup() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, Long> cpu = new TreeMap<>();
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null) {
				long time = threads.getThreadCpuTime(info.getThreadId());
				if (time > 0) {
					cpu.merge(info.getThreadName().replaceAll("[-_ ]?\\d+$", "").replaceAll("-\\d+-", "-"), time,
							Long::sum);
				}
			}
		}
		return cpu;
	}

	private static String cpuSpent(Map<String, Long> before, Map<String, Long> after) {
		return after.entrySet()
			.stream()
			.map((entry) -> Map.entry(entry.getKey(), entry.getValue() - before.getOrDefault(entry.getKey(), 0L)))
			.filter((entry) -> entry.getValue() > 200_000_000L)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.map((entry) -> String.format(Locale.ROOT, "%s %.1f s", entry.getKey(), entry.getValue() / 1e9))
			.collect(Collectors.joining(", "));
	}

	private Thread sampleHeap(AtomicLong peak) {
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(this.memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
		return sampler;
	}

	private HttpResponse<String> upload(Path file, Map<String, String> fields) throws Exception {
		String boundary = "bench-boundary";
		StringBuilder head = new StringBuilder();
		fields.forEach((key, value) -> head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(key)
			.append("\"\r\n\r\n")
			.append(value)
			.append("\r\n"));
		head.append("--")
			.append(boundary)
			.append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(file.getFileName())
			.append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + PATH))
			.header("Authorization", this.authorization)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.concat(BodyPublishers.ofString(head.toString()), BodyPublishers.ofFile(file),
					BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode get(String location) throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(location)).header("Authorization", this.authorization).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Status failed: " + response.statusCode() + " " + response.body());
		}
		return JSON.readTree(response.body());
	}

	private Path csv(Path file, int tokens, String series) throws IOException {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("serial number,secret key,time interval,manufacturer,model\n");
			for (int i = 0; i < tokens; i++) {
				out.write(serial(series, i) + "," + Base32.encode(secret()) + ",30,Bench,B1\n");
			}
		}
		return file;
	}

	private Path pskc(Path file, int tokens, String series, Encryption encryption) throws Exception {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<KeyContainer "
					+ "xmlns=\"urn:ietf:params:xml:ns:keyprov:pskc\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" "
					+ "xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\" "
					+ "xmlns:xenc11=\"http://www.w3.org/2009/xmlenc11#\" "
					+ "xmlns:pkcs5=\"http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#\" Version=\"1.0\">\n");
			if (encryption != null) {
				out.write(encryption.header());
			}
			for (int i = 0; i < tokens; i++) {
				String serial = serial(series, i);
				String secret = (encryption != null) ? encryption.encrypt(secret())
						: "<PlainValue>" + Base64.getEncoder().encodeToString(secret()) + "</PlainValue>";
				out.write(" <KeyPackage><DeviceInfo><Manufacturer>Bench</Manufacturer><SerialNo>" + serial
						+ "</SerialNo><Model>B1</Model></DeviceInfo><Key Id=\"" + serial
						+ "\" Algorithm=\"urn:ietf:params:xml:ns:keyprov:pskc:totp\"><AlgorithmParameters>"
						+ "<ResponseFormat Length=\"6\" Encoding=\"DECIMAL\"/></AlgorithmParameters><Data><Secret>"
						+ secret + "</Secret><TimeInterval><PlainValue>30</PlainValue></TimeInterval></Data></Key>"
						+ "</KeyPackage>\n");
			}
			out.write("</KeyContainer>\n");
		}
		return file;
	}

	private byte[] secret() {
		byte[] secret = new byte[20];
		this.random.nextBytes(secret);
		return secret;
	}

	static String serial(String series, int i) {
		return String.format(Locale.ROOT, "SEED%s%07d", series, i);
	}

	/**
	 * How a PSKC file is encrypted: AES-128-CBC values with HMAC-SHA1 MACs (RFC 6030 §6.1),
	 * the key given, or derived from a password with PBKDF2 (§6.2).
	 */
	static final class Encryption {

		private final SecureRandom random = new SecureRandom();

		private final byte[] key;

		private final byte[] macKey = new byte[20];

		private final String keyElement;

		private Encryption(byte[] key, String keyElement) {
			this.key = key;
			this.keyElement = keyElement;
			this.random.nextBytes(this.macKey);
		}

		static Encryption preSharedKey() {
			return new Encryption(io.keyfob.otp.Hex.decode(PSK_HEX),
					"<EncryptionKey><ds:KeyName>Bench key</ds:KeyName></EncryptionKey>\n");
		}

		static Encryption password(SecureRandom random) throws GeneralSecurityException {
			byte[] salt = new byte[16];
			random.nextBytes(salt);
			int iterations = 100_000;
			byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
				.generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, iterations, 128))
				.getEncoded();
			return new Encryption(key, "<EncryptionKey><xenc11:DerivedKey><xenc11:KeyDerivationMethod Algorithm="
					+ "\"http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#pbkdf2\"><pkcs5:PBKDF2-params>"
					+ "<Salt><Specified>" + Base64.getEncoder().encodeToString(salt) + "</Specified></Salt>"
					+ "<IterationCount>" + iterations + "</IterationCount><KeyLength>16</KeyLength>"
					+ "</pkcs5:PBKDF2-params></xenc11:KeyDerivationMethod></xenc11:DerivedKey></EncryptionKey>\n");
		}

		String header() throws GeneralSecurityException {
			return this.keyElement + "<MACMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#hmac-sha1\"><MACKey>"
					+ cipherData(cipherValue(this.macKey)) + "</MACKey></MACMethod>\n";
		}

		String encrypt(byte[] secret) throws GeneralSecurityException {
			byte[] value = cipherValue(secret);
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(this.macKey, "HmacSHA1"));
			return "<EncryptedValue>" + cipherData(value) + "</EncryptedValue><ValueMAC>"
					+ Base64.getEncoder().encodeToString(mac.doFinal(value)) + "</ValueMAC>";
		}

		// IV followed by the AES-128-CBC ciphertext, as RFC 6030 writes a CipherValue
		private byte[] cipherValue(byte[] plain) throws GeneralSecurityException {
			byte[] iv = new byte[16];
			this.random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(this.key, "AES"), new IvParameterSpec(iv));
			byte[] encrypted = cipher.doFinal(plain);
			byte[] value = new byte[iv.length + encrypted.length];
			System.arraycopy(iv, 0, value, 0, iv.length);
			System.arraycopy(encrypted, 0, value, iv.length, encrypted.length);
			return value;
		}

		private static String cipherData(byte[] value) {
			return "<xenc:EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#aes128-cbc\"/><xenc:CipherData>"
					+ "<xenc:CipherValue>" + Base64.getEncoder().encodeToString(value)
					+ "</xenc:CipherValue></xenc:CipherData>";
		}

	}

}
