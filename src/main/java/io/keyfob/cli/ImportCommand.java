package io.keyfob.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;

/**
 * {@code import FILE}: uploads a seed file to a running Keyfob
 * ({@code POST /api/v1/seed-imports}), follows the job with a progress bar on a terminal,
 * and prints the report. The client needs {@code Policy.ReadWrite.AuthenticationMethod},
 * and {@code UserAuthenticationMethod.ReadWrite.All} as well for a file that assigns
 * tokens to users. The exit code tells scripts how it went ({@link ExitCodes}).
 */
@Command(name = "import", sortOptions = false, mixinStandardHelpOptions = true,
		description = { "Import a seed file (Entra CSV, vendor CSV, privacyIDEA OATH CSV or PSKC, plain or "
				+ "encrypted) into a running Keyfob.", "" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every row imported (a dry run: importable)",
				"1:some rows rejected; with --all-or-nothing nothing was stored",
				"2:wrong usage, or the file was refused as a whole (format, key, password, size)",
				"3:credentials refused or permission missing", "4:server unreachable, busy or failed; the job failed" })
final class ImportCommand implements Callable<Integer> {

	static final String PATH = "/api/v1/seed-imports";

	private static final long POLL_MILLIS = 300;

	@Parameters(index = "0", paramLabel = "FILE", description = "The seed file")
	@Nullable Path file;

	@ArgGroup(exclusive = true)
	@Nullable Key key;

	@Option(names = "--format", paramLabel = "FORMAT",
			description = "entraCsv, vendorCsv, privacyIdeaCsv or pskc; detected from the file if left out")
	@Nullable String format;

	@Option(names = "--secret-encoding", paramLabel = "ENCODING",
			description = "base32 (default) or hex: how a vendor CSV without an encoding column writes secrets")
	@Nullable String secretEncoding;

	@Option(names = "--mac-check", paramLabel = "MODE",
			description = "rejectKey (default), rejectFile or skip: what a PSKC MAC failure does")
	@Nullable String macCheck;

	@Option(names = "--manufacturer", description = "The manufacturer of tokens the file names none for")
	@Nullable String manufacturer;

	@Option(names = "--model", description = "The model of tokens the file names none for")
	@Nullable String model;

	@Option(names = "--dry-run", description = "Check the whole file and report; store nothing")
	boolean dryRun;

	@Option(names = "--all-or-nothing", description = "Store nothing if any row is rejected")
	boolean allOrNothing;

	@Option(names = "--replace",
			description = "Overwrite unassigned tokens whose serial number is known with another secret")
	boolean replace;

	@Option(names = "--json", description = "Print the finished job as JSON instead of the report")
	boolean json;

	@Option(names = "--no-progress", description = "No progress bar, even on a terminal")
	boolean noProgress;

	@Mixin
	@Nullable ServerOptions server;

	@Spec
	@Nullable CommandSpec spec;

	private PrintWriter out = new PrintWriter(PrintWriter.nullWriter());

	private PrintWriter err = new PrintWriter(PrintWriter.nullWriter());

	/** The key of an encrypted PSKC file: at most one of these. */
	static final class Key {

		@Option(names = "--psk", paramLabel = "HEX",
				description = "The pre-shared key in hex (visible to other users in the process list: prefer --psk-file)")
		@Nullable String psk;

		@Option(names = "--psk-file", paramLabel = "FILE", description = "A file holding the pre-shared key in hex")
		@Nullable Path pskFile;

		@Option(names = "--password-file", paramLabel = "FILE", description = "A file holding the password")
		@Nullable Path passwordFile;

	}

	@Override
	public Integer call() {
		CommandSpec command = required(this.spec);
		this.out = command.commandLine().getOut();
		this.err = command.commandLine().getErr();
		Path path = readableFile();
		Map<String, byte[]> fields = fields();
		try {
			KeyfobApi api = required(this.server).api();
			String boundary = "keyfob-" + UUID.randomUUID();
			JsonNode accepted = api.post(PATH, "multipart/form-data; boundary=" + boundary,
					multipart(boundary, path, fields));
			return report(follow(api, PATH + "/" + accepted.path("id").asString(), accepted));
		}
		catch (KeyfobApi.Refused ex) {
			throw new CommandFailed(ExitCodes.forStatus(ex.status()), ex.getMessage());
		}
		catch (ConnectException ex) {
			throw new CommandFailed(ExitCodes.FAILED,
					"Cannot connect to " + required(this.server).server + ": is Keyfob running there?");
		}
		catch (IOException ex) {
			throw new CommandFailed(ExitCodes.FAILED,
					"The connection to " + required(this.server).server + " failed (" + ex.getMessage()
							+ "); if it broke during the upload, the file may be larger " + "than the server accepts");
		}
		finally {
			fields.values().forEach((value) -> Arrays.fill(value, (byte) 0));
		}
	}

	private JsonNode follow(KeyfobApi api, String location, JsonNode accepted) throws IOException {
		ProgressBar bar = new ProgressBar(this.err, System.console() != null && !this.noProgress);
		if (!this.json) {
			this.err.printf(Locale.ROOT, "Uploaded %s: import %s, %,d tokens%n", this.file,
					accepted.path("id").asString(), accepted.path("progress").path("totalRows").asInt());
			this.err.flush();
		}
		JsonNode job = accepted;
		try {
			while (!finished(job)) {
				pause();
				job = api.get(location);
				JsonNode progress = job.path("progress");
				int total = progress.path("totalRows").asInt();
				int validated = progress.path("validatedRows").asInt();
				if (validated < total || job.path("dryRun").asBoolean()) {
					bar.show("Checking", validated, total);
				}
				else {
					bar.show("Storing", progress.path("storedRows").asInt(), progress.path("rowsToStore").asInt());
				}
			}
		}
		finally {
			bar.finish();
		}
		return job;
	}

	// the form fields, then the file streamed from disk
	private static BodyPublisher multipart(String boundary, Path file, Map<String, byte[]> fields) throws IOException {
		List<BodyPublisher> parts = new ArrayList<>();
		fields.forEach((name, value) -> {
			parts.add(BodyPublishers.ofString(
					"--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n",
					StandardCharsets.UTF_8));
			parts.add(BodyPublishers.ofByteArray(value));
			parts.add(BodyPublishers.ofString("\r\n"));
		});
		String name = String.valueOf(file.getFileName()).replaceAll("[\"\r\n]", "");
		parts.add(BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
				+ "filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n",
				StandardCharsets.UTF_8));
		parts.add(BodyPublishers.ofFile(file));
		parts.add(BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
		return BodyPublishers.concat(parts.toArray(BodyPublisher[]::new));
	}

	private int report(JsonNode job) {
		if (this.json) {
			this.out.println(job.toString());
		}
		else {
			this.out.println(job.path("message").asString(""));
			for (JsonNode row : job.path("rejectedRows")) {
				this.out.println("rejected: " + row.path("message").asString());
			}
			for (JsonNode row : job.path("warnings")) {
				this.out.println("warning: " + row.path("message").asString());
			}
		}
		this.out.flush();
		if (!"succeeded".equals(job.path("status").asString())) {
			if (!this.json) {
				this.err.println("Error: the import failed");
				this.err.flush();
			}
			return ExitCodes.FAILED;
		}
		return (job.path("counts").path("rejected").asInt() > 0) ? ExitCodes.ROWS_REJECTED : ExitCodes.OK;
	}

	private Map<String, byte[]> fields() {
		Map<String, byte[]> fields = new LinkedHashMap<>();
		text(fields, "format", this.format);
		text(fields, "secretEncoding", this.secretEncoding);
		text(fields, "macCheck", this.macCheck);
		text(fields, "manufacturer", this.manufacturer);
		text(fields, "model", this.model);
		text(fields, "dryRun", Boolean.toString(this.dryRun));
		text(fields, "allOrNothing", Boolean.toString(this.allOrNothing));
		text(fields, "replace", Boolean.toString(this.replace));
		// the server's messages then name this command's flags, not the API's fields
		text(fields, "hintsFor", "commandLine");
		Key key = this.key;
		if (key != null && key.psk != null) {
			text(fields, "psk", key.psk);
		}
		else if (key != null && key.pskFile != null) {
			fields.put("psk", secretFile(key.pskFile, "pre-shared key"));
		}
		else if (key != null && key.passwordFile != null) {
			fields.put("password", secretFile(key.passwordFile, "password"));
		}
		return fields;
	}

	private Path readableFile() {
		Path path = this.file;
		if (path == null || !Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new CommandFailed(ExitCodes.USAGE, "Cannot read the seed file " + path);
		}
		return path;
	}

	// the file's content without the line break editors add at its end
	private static byte[] secretFile(Path path, String what) {
		try {
			byte[] content = Files.readAllBytes(path);
			int length = content.length;
			while (length > 0 && (content[length - 1] == '\n' || content[length - 1] == '\r')) {
				length--;
			}
			byte[] secret = Arrays.copyOf(content, length);
			Arrays.fill(content, (byte) 0);
			if (secret.length == 0) {
				throw new CommandFailed(ExitCodes.USAGE, "The " + what + " file " + path + " is empty");
			}
			return secret;
		}
		catch (IOException ex) {
			throw new CommandFailed(ExitCodes.USAGE, "Cannot read the " + what + " file " + path);
		}
	}

	private static void text(Map<String, byte[]> fields, String name, @Nullable String value) {
		if (value != null) {
			fields.put(name, value.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static <T> T required(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("picocli did not inject the command's options");
		}
		return value;
	}

	private static boolean finished(JsonNode job) {
		String status = job.path("status").asString("");
		return status.equals("succeeded") || status.equals("failed");
	}

	private static void pause() {
		try {
			Thread.sleep(POLL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandFailed(ExitCodes.FAILED, "Interrupted");
		}
	}

}
