package io.keyfob.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;

/**
 * {@code radius-clients}: the RADIUS clients (NAS) of a running Keyfob. The client used
 * needs {@code Application.ReadWrite.All} (or {@code Application.Read.All} to list).
 */
@Command(name = "radius-clients", description = "Work on RADIUS clients (VPN concentrators, Wi-Fi controllers).",
		mixinStandardHelpOptions = true, subcommands = { RadiusClientsCommand.Create.class,
				RadiusClientsCommand.ListClients.class, RadiusClientsCommand.Delete.class })
final class RadiusClientsCommand {

	private static final String PATH = "/api/v1/radius-clients";

	/**
	 * {@code radius-clients create}: register a NAS and print its shared secret.
	 */
	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Register a RADIUS client and print its shared secret (shown this once).")
	static final class Create implements Callable<Integer> {

		@Option(names = "--name", required = true, description = "A name for people, shown in the sign-in log.")
		String name;

		@Option(names = "--address", required = true,
				description = "The NAS's IP address or a CIDR range, for example 192.0.2.10 or 10.1.0.0/16.")
		String address;

		@Option(names = "--mode", defaultValue = "passwordAndCode",
				description = "passwordAndCode (default), codeOnly or challenge.")
		String mode;

		@Option(names = "--no-require-message-authenticator", negatable = false,
				description = "Accept requests without a Message-Authenticator (only for old NAS; see docs/radius.md).")
		boolean withoutMessageAuthenticator;

		@Option(names = "--strip-realm", description = "Remove a realm (name@realm, REALM\\name) from User-Name.")
		boolean stripRealm;

		@Option(names = "--append-realm", paramLabel = "REALM", description = "Append @REALM to names without one.")
		String appendRealm;

		@Mixin
		ServerOptions server;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("displayName", this.name);
			body.put("address", this.address);
			body.put("mode", this.mode);
			body.put("requireMessageAuthenticator", !this.withoutMessageAuthenticator);
			body.put("stripRealm", this.stripRealm);
			if (this.appendRealm != null) {
				body.put("appendRealm", this.appendRealm);
			}
			JsonNode client = this.server.api().postJson(PATH, body);
			PrintWriter out = this.spec.commandLine().getOut();
			out.println("Id             " + client.get("id").asString());
			out.println("Address        " + client.get("address").asString());
			out.println("Mode           " + client.get("mode").asString());
			out.println("Shared secret  " + client.get("sharedSecret").asString());
			out.println("Keep the secret now: Keyfob never shows it again.");
			out.flush();
			return 0;
		}

	}

	/**
	 * {@code radius-clients list}: the RADIUS clients.
	 */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "List RADIUS clients.")
	static final class ListClients implements Callable<Integer> {

		@Mixin
		ServerOptions server;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			PrintWriter out = this.spec.commandLine().getOut();
			for (JsonNode client : this.server.api().get(PATH).get("value")) {
				out.printf("%s  %s  %s  %s%n", client.get("id").asString(), client.get("address").asString(),
						client.get("mode").asString(), client.get("displayName").asString());
			}
			out.flush();
			return 0;
		}

	}

	/**
	 * {@code radius-clients delete ID}: remove a RADIUS client.
	 */
	@Command(name = "delete", mixinStandardHelpOptions = true,
			description = "Delete a RADIUS client: its requests are dropped from then on.")
	static final class Delete implements Callable<Integer> {

		@Parameters(paramLabel = "ID", description = "The client's id, as radius-clients list shows it.")
		String id;

		@Mixin
		ServerOptions server;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() throws Exception {
			this.server.api()
				.delete(PATH + "/" + java.net.URLEncoder.encode(this.id, java.nio.charset.StandardCharsets.UTF_8));
			PrintWriter out = this.spec.commandLine().getOut();
			out.println("Deleted RADIUS client " + this.id);
			out.flush();
			return 0;
		}

	}

}
