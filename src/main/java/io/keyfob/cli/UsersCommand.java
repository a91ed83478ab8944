package io.keyfob.cli;

import java.io.PrintWriter;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;

/**
 * {@code users}: work on a running Keyfob's users.
 */
@Command(name = "users", description = "Work on users.", mixinStandardHelpOptions = true,
		subcommands = UsersCommand.Import.class)
final class UsersCommand {

	/**
	 * {@code users import FILE}: create users from CSV. The client needs
	 * {@code User.ReadWrite.All}.
	 */
	@Command(name = "import", mixinStandardHelpOptions = true,
			description = {
					"Create users from a CSV file with the columns userPrincipalName, displayName and "
							+ "optionally password and groups (group names or ids separated by ';').",
					"Exit code 0 when every row made a user, 1 when some rows were refused (listed), 2 on errors." })
	static final class Import implements Callable<Integer> {

		@Parameters(index = "0", paramLabel = "FILE", description = "The CSV file, UTF-8.")
		Path file;

		@Mixin
		ServerOptions server;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			if (!Files.isReadable(this.file)) {
				throw new java.io.IOException("Cannot read " + this.file);
			}
			JsonNode report = this.server.api()
				.post("/api/v1/users/import", "text/csv; charset=utf-8", BodyPublishers.ofFile(this.file));
			PrintWriter out = this.spec.commandLine().getOut();
			int failed = report.get("failed").asInt();
			out.printf("Created %d users, refused %d rows.%n", report.get("created").asInt(), failed);
			for (JsonNode row : report.get("rows")) {
				if (row.path("id").isNull() || row.path("id").isMissingNode()) {
					out.printf("line %d  %s  %s%n", row.get("line").asLong(), row.get("userPrincipalName").asString(),
							row.get("message").asString());
				}
			}
			out.flush();
			return (failed == 0) ? 0 : 1;
		}

	}

}
