package io.keyfob.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code export}: the token inventory as CSV, never with secrets, for audits
 * ({@code GET /api/v1/inventory/export}). The client needs {@code Policy.Read.All}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
		description = { "Write the token inventory as CSV (no secrets): serial number, manufacturer, model, type, "
				+ "settings, status, assigned user, dates.", "Exit code 0 when written, 2 on errors." })
final class ExportCommand implements Callable<Integer> {

	@Option(names = { "-o", "--output" }, paramLabel = "FILE",
			description = "Where to write the CSV; standard output if left out")
	@Nullable Path output;

	@Mixin
	@Nullable ServerOptions server;

	@Spec
	@Nullable CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		if (this.server == null || this.spec == null) {
			throw new IllegalStateException("picocli did not inject the command's options");
		}
		try (InputStream csv = this.server.api().open("/api/v1/inventory/export", "text/csv")) {
			if (this.output != null) {
				Files.copy(csv, this.output, StandardCopyOption.REPLACE_EXISTING);
			}
			else {
				PrintWriter out = this.spec.commandLine().getOut();
				new InputStreamReader(csv, StandardCharsets.UTF_8).transferTo(out);
				out.flush();
			}
		}
		return 0;
	}

}
