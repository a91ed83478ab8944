package io.keyfob.failure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.keyfob.support.GraphCalls;
import io.keyfob.support.GraphTestClient;
import io.keyfob.support.HardwareTokens;
import io.keyfob.support.SeedImportClient;
import io.keyfob.support.TestPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input against a node on H2 and a node on PostgreSQL: the corpus under
 * {@code src/test/resources/failure/bad-input} and generated Graph JSON, {@code $filter}
 * expressions, CSV rows and PSKC files. Every answer is a 4xx with a Graph error (a seed
 * file's bad rows are rejected rows), never a 5xx; nothing the API lists changes; and the
 * nodes log no error.
 */
class BadInputFailureTests {

	static final String CORPUS = "/failure/bad-input/";

	static final String CSV_HEADER = "serial number,secret key,time interval,manufacturer,model\n";

	// text no database stores, as JSON escapes, one of them in every generated input
	static final List<String> UNSTORABLE = List.of("\\u0000", "\\ud800", "\\udfff", "a\\u0000", "\\ud83d");

	// the same as bytes in a file: U+0000, a surrogate encoded on its own, bytes no UTF-8
	// text holds
	static final List<byte[]> UNSTORABLE_BYTES = List.of(new byte[] { 0 },
			new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xFF },
			new byte[] { (byte) 0xC3 });

	static final List<String> LISTS = List.of("/beta/users?$top=999", "/beta/groups?$top=999",
			HardwareTokens.DEVICES + "?$top=999", "/api/v1/clients");

	static List<KeyfobProcess> nodes = new ArrayList<>();

	static Map<Integer, List<String>> before = new LinkedHashMap<>();

	@BeforeContainer
	static void startNodes() {
		String database = TestPostgres.newDatabase();
		CompletableFuture<KeyfobProcess> postgres = CompletableFuture.supplyAsync(() -> KeyfobProcess
			.onPostgres(KeyfobProcess.directory("bad-input-postgres").resolve("node"), database));
		nodes.add(KeyfobProcess.onH2(KeyfobProcess.directory("bad-input-h2").resolve("node")));
		nodes.add(postgres.join());
		for (KeyfobProcess node : nodes) {
			Nodes.enableHardwareOath(node.graph());
			before.put(node.port(), lists(node));
		}
	}

	@AfterContainer
	static void nothingChangedAndLogsCalm() throws IOException {
		try {
			for (KeyfobProcess node : nodes) {
				assertThat(lists(node)).isEqualTo(before.get(node.port()));
				assertThat(Files.readAllLines(node.log(), StandardCharsets.UTF_8))
					.noneMatch((line) -> line.contains(" ERROR ") || line.startsWith("\tat "));
			}
		}
		finally {
			nodes.forEach(KeyfobProcess::close);
			nodes.clear();
		}
	}

	@Example
	void corpusRequestsWhenSentThenFourHundredsWithGraphErrors() {
		List<String> lines = lines("requests.tsv");
		assertThat(lines).hasSizeGreaterThan(30);
		for (KeyfobProcess node : nodes) {
			for (String line : lines) {
				String[] request = line.split("\t", 3);
				String body = (request.length > 2 && !request[2].isEmpty()) ? request[2] : null;
				GraphTestClient.Response answer = node.graph()
					.send(request[0], request[1], node.graph().bootstrapToken(), body, "application/json");
				assertGraphRefusal(answer, line);
			}
		}
	}

	@Example
	void corpusCsvRowsWhenUploadedThenRejectedRowsOrRefusedFile() {
		List<String> rows = lines("csv-rows.txt");
		for (KeyfobProcess node : nodes) {
			for (String row : rows) {
				assertNothingImported(node, file(row), "rows.csv", row);
			}
		}
	}

	@Example
	void corpusPskcFilesWhenUploadedThenRefused() {
		for (KeyfobProcess node : nodes) {
			for (String name : List.of("xxe.pskcxml", "billion-laughs.pskcxml", "truncated.pskcxml",
					"wrong-namespace.pskcxml")) {
				assertNothingImported(node, resource(name), name, name);
			}
		}
	}

	@Property(tries = 60)
	void graphJsonWhenAFieldHoldsUnstorableTextThenRefused(@ForAll("users") String user) {
		for (KeyfobProcess node : nodes) {
			assertGraphRefusal(node.graph().post("/beta/users", node.graph().bootstrapToken(), user), user);
		}
	}

	@Property(tries = 60)
	void graphJsonWhenBrokenThenRefused(@ForAll("brokenJson") String body) {
		for (KeyfobProcess node : nodes) {
			assertGraphRefusal(
					node.graph()
						.send("POST", HardwareTokens.DEVICES, node.graph().bootstrapToken(), body, "application/json"),
					body);
		}
	}

	@Property(tries = 100)
	void filterWhenAnyTextThenAnswerOrGraphRefusal(@ForAll("filters") String filter) {
		for (KeyfobProcess node : nodes) {
			GraphTestClient.Response answer = node.graph()
				.get("/beta/users?$filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
						node.graph().bootstrapToken());
			if (answer.status() != 200) {
				assertGraphRefusal(answer, filter);
			}
		}
	}

	@Property(tries = 15)
	void csvRowWhenAFieldHoldsUnstorableTextThenRowRejected(@ForAll("csvRows") byte[] file) {
		for (KeyfobProcess node : nodes) {
			assertNothingImported(node, file, "fuzz.csv", new String(file, StandardCharsets.ISO_8859_1));
		}
	}

	@Property(tries = 15)
	void pskcWhenUnstorableTextInsertedThenNothingImported(@ForAll("pskcFiles") String file) {
		for (KeyfobProcess node : nodes) {
			assertNothingImported(node, file.getBytes(StandardCharsets.UTF_8), "fuzz.pskcxml", "PSKC");
		}
	}

	@Provide
	Arbitrary<String> users() {
		Arbitrary<String> text = Arbitraries.strings().alpha().numeric().withChars(" .-_").ofMaxLength(20);
		// JSON escapes: a lone surrogate cannot travel as UTF-8 text
		Arbitrary<String> bad = Combinators.combine(text, Arbitraries.of(UNSTORABLE), text)
			.as((head, unstorable, tail) -> head + unstorable + tail);
		Arbitrary<String> field = Arbitraries.of("displayName", "userPrincipalName", "givenName", "surname", "jobTitle",
				"department", "password");
		return Combinators.combine(field, bad, Arbitraries.integers().between(0, 99999)).as((name, value, n) -> {
			Map<String, String> user = new LinkedHashMap<>(
					Map.of("displayName", "\"Fuzz " + n + "\"", "userPrincipalName", "\"fuzz" + n + "@keyfob.test\""));
			if (name.equals("password")) {
				user.put("passwordProfile", "{\"password\":\"Aa1-" + value + "\"}");
			}
			else if (name.equals("userPrincipalName")) {
				user.put(name, "\"fuzz" + value + "@keyfob.test\"");
			}
			else {
				user.put(name, "\"" + value + "\"");
			}
			StringBuilder json = new StringBuilder("{\"accountEnabled\":true");
			user.forEach((key, encoded) -> json.append(",\"").append(key).append("\":").append(encoded));
			return json.append('}').toString();
		});
	}

	@Provide
	Arbitrary<String> brokenJson() {
		String device = "{\"serialNumber\":\"FZ\",\"manufacturer\":\"F\",\"model\":\"c200\","
				+ "\"secretKey\":\"GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\",\"timeIntervalInSeconds\":30}";
		Arbitrary<Integer> at = Arbitraries.integers().between(1, device.length() - 2);
		Arbitrary<String> cut = at.map((i) -> device.substring(0, i));
		Arbitrary<String> nul = Combinators.combine(at, Arbitraries.of("\\u0000", "\\ud800", "\u0000"))
			.as((i, inserted) -> device.substring(0, i) + inserted + device.substring(i));
		Arbitrary<String> nested = Arbitraries.integers().between(1, 3000).map((depth) -> "[".repeat(depth));
		return Arbitraries.oneOf(cut, nul, nested, Arbitraries.strings().ofMaxLength(40));
	}

	@Provide
	Arbitrary<String> filters() {
		Arbitrary<String> token = Arbitraries.of("displayName", "userPrincipalName", "id", "accountEnabled", "eq", "ne",
				"and", "or", "not", "(", ")", "'", "'x'", "''", ",", "startswith(", "in", "true", "null", "1", "-1",
				"/", "any(", "$", "%", "\u0000", "\ud800", "\u00e9", "99999999999999999999");
		Arbitrary<String> tokens = token.list().ofMaxSize(12).map((list) -> String.join(" ", list));
		return Arbitraries.oneOf(tokens, Arbitraries.strings().ofMaxLength(60));
	}

	@Provide
	Arbitrary<byte[]> csvRows() {
		Arbitrary<String> text = Arbitraries.strings().alpha().numeric().ofMaxLength(10);
		return Combinators.combine(Arbitraries.integers().between(0, 4), text, Arbitraries.of(UNSTORABLE_BYTES), text)
			.as((column, head, unstorable, tail) -> {
				String[] row = { "FZ1", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "30", "Feitian", "c200" };
				ByteArrayOutputStream file = new ByteArrayOutputStream();
				file.writeBytes(CSV_HEADER.getBytes(StandardCharsets.UTF_8));
				for (int i = 0; i < row.length; i++) {
					file.writeBytes(((i > 0) ? "," : "").getBytes(StandardCharsets.UTF_8));
					if (i == column) {
						file.writeBytes(head.getBytes(StandardCharsets.UTF_8));
						file.writeBytes(unstorable);
						file.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
					}
					else {
						file.writeBytes(row[i].getBytes(StandardCharsets.UTF_8));
					}
				}
				file.write('\n');
				return file.toByteArray();
			});
	}

	@Provide
	Arbitrary<String> pskcFiles() {
		String valid = new String(resource("valid.pskcxml"), StandardCharsets.UTF_8);
		return Combinators
			.combine(Arbitraries.integers().between(0, valid.length()), Arbitraries.of("\u0000", "\u0001", "\uffff"))
			.as((at, inserted) -> valid.substring(0, at) + inserted + valid.substring(at));
	}

	// 4xx with the Graph error envelope: a code and a message
	private static void assertGraphRefusal(GraphTestClient.Response answer, String input) {
		assertThat(answer.status()).as("%s -> %s", input, answer.body()).isBetween(400, 499);
		JsonNode error = answer.body().path("error");
		assertThat(error.path("code").isString() && error.path("message").isString())
			.as("Graph error envelope for %s: %s", input, answer.body())
			.isTrue();
	}

	// refused as a whole with a Graph error, or a job that stored nothing
	private static void assertNothingImported(KeyfobProcess node, byte[] file, String name, String input) {
		SeedImportClient importer = SeedImportClient.withToken(node.port(), node.graph().bootstrapToken());
		GraphCalls.Response answer = importer.upload(file, name, Map.of());
		if (answer.status() == 202) {
			JsonNode job = importer.await(answer);
			assertThat(job.get("progress").get("storedRows").intValue()).as(input).isZero();
			assertThat(job.get("counts").get("created").intValue()).as(input).isZero();
		}
		else {
			assertThat(answer.status()).as("%s -> %s", input, answer.text()).isBetween(400, 499);
			assertThat(answer.text()).as(input).contains("\"error\"").contains("\"code\"").contains("\"message\"");
		}
	}

	private static List<String> lists(KeyfobProcess node) {
		List<String> lists = new ArrayList<>();
		for (String list : LISTS) {
			lists.add(node.graph().get(list, node.graph().bootstrapToken()).expect(200).body().toString());
		}
		return lists;
	}

	private static List<String> lines(String name) {
		return new String(resource(name), StandardCharsets.UTF_8).lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.toList();
	}

	// the header, then the row with its escapes turned into the bytes they name
	private static byte[] file(String row) {
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(CSV_HEADER.getBytes(StandardCharsets.UTF_8));
		String[] parts = row.split("\\\\u", -1);
		file.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
		for (int i = 1; i < parts.length; i++) {
			file.writeBytes(parts[i].startsWith("0000") ? UNSTORABLE_BYTES.get(0) : UNSTORABLE_BYTES.get(1));
			file.writeBytes(parts[i].substring(4).getBytes(StandardCharsets.UTF_8));
		}
		file.write('\n');
		return file.toByteArray();
	}

	private static byte[] resource(String name) {
		try (InputStream in = BadInputFailureTests.class.getResourceAsStream(CORPUS + name)) {
			assertThat(in).as(CORPUS + name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
