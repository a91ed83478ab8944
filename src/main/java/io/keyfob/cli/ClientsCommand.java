package io.keyfob.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;

/**
 * {@code clients}: app registrations of a running Keyfob. The client used needs
 * {@code Application.ReadWrite.All} (or {@code Application.Read.All} to list).
 */
@Command(name = "clients", description = "Work on app registrations (OAuth2 clients).", mixinStandardHelpOptions = true,
		subcommands = { ClientsCommand.Create.class, ClientsCommand.ListClients.class })
final class ClientsCommand {

	/**
	 * {@code clients create}: register an application and print its id and secret.
	 */
	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Register an application that gets app-only tokens, and print its client id and secret "
					+ "(shown this once).")
	static final class Create implements Callable<Integer> {

		@Option(names = "--name", required = true, description = "A name for people.")
		String name;

		@Option(names = "--permission", paramLabel = "PERMISSION",
				description = "A Graph application permission to grant, for example Policy.Read.All; repeat for more.")
		List<String> permissions = List.of();

		@Mixin
		ServerOptions server;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			JsonNode client = this.server.api()
				.postJson("/api/v1/clients",
						Map.of("displayName", this.name, "permissions", new LinkedHashSet<>(this.permissions)));
			PrintWriter out = this.spec.commandLine().getOut();
			out.println("Client id      " + client.get("clientId").asString());
			out.println("Client secret  " + client.get("clientSecret").asString());
			out.println("Permissions    " + client.get("permissions"));
			out.println("Keep the secret now: Keyfob stores only its hash.");
			out.flush();
			return 0;
		}

	}

	/**
	 * {@code clients list}: the app registrations and their permissions.
	 */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "List app registrations.")
	static final class ListClients implements Callable<Integer> {

		@Mixin
		ServerOptions server;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			PrintWriter out = this.spec.commandLine().getOut();
			for (JsonNode client : this.server.api().get("/api/v1/clients").get("value")) {
				out.printf("%s  %s  %s%n", client.get("clientId").asString(), client.get("displayName").asString(),
						client.get("permissions"));
			}
			out.flush();
			return 0;
		}

	}

}
