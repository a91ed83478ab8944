package io.keyfob.signin;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.directory.Directory;
import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.directory.DirectoryRole;
import io.keyfob.directory.GraphPermission;
import io.keyfob.directory.NewUser;
import io.keyfob.directory.User;
import io.keyfob.signin.jdbc.JdbcBootstrapState;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first start: creates a Global Administrator and a confidential client holding every
 * application permission, from the {@code keyfob.bootstrap.*} settings, generating what
 * is unset. The credentials are printed once, straight to the console (standard output,
 * not the log), inside the transaction that stores them, so what is printed is what is
 * stored. A row in {@code bootstrap_state} marks the bootstrap done; later starts ignore
 * the settings and never change a password.
 */
@Component
final class Bootstrap implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(Bootstrap.class);

	private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final BootstrapProperties properties;

	private final Directory directory;

	private final DirectoryAdministration administration;

	private final ClientRegistrations clients;

	private final JdbcBootstrapState state;

	private final TransactionTemplate transactions;

	private final ApplicationContext context;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private PrintStream console = System.out;

	Bootstrap(BootstrapProperties properties, Directory directory, DirectoryAdministration administration,
			ClientRegistrations clients, JdbcBootstrapState state, TransactionTemplate transactions,
			ApplicationContext context, Clock clock) {
		this.properties = properties;
		this.directory = directory;
		this.administration = administration;
		this.clients = clients;
		this.state = state;
		this.transactions = transactions;
		this.context = context;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<java.time.Instant> completed = this.state.completed();
		if (completed.isPresent()) {
			if (this.properties.anySet()) {
				logger.info("Bootstrap was done on {}: the keyfob.bootstrap.* settings are ignored and change no "
						+ "password. Manage users and clients through the API.", completed.get());
			}
			return;
		}
		try {
			this.transactions.executeWithoutResult((status) -> bootstrap());
		}
		catch (DuplicateKeyException ex) {
			logger.info("Another node did the bootstrap at the same time");
		}
	}

	void printTo(PrintStream console) {
		this.console = console;
	}

	private void bootstrap() {
		String password = orGenerated(this.properties.adminPassword(), this::newPassword);
		Optional<User> existing = this.directory.findUserByPrincipalName(this.properties.adminUpn());
		User admin = existing.orElseGet(() -> this.administration
			.createUser(new NewUser(this.properties.adminUpn(), "Keyfob Administrator", true, password)));
		if (!this.directory.rolesOf(admin.id()).contains(DirectoryRole.GLOBAL_ADMINISTRATOR)) {
			this.administration.assignRole(admin.id(), DirectoryRole.GLOBAL_ADMINISTRATOR);
		}
		String clientId = orGenerated(this.properties.clientId(), () -> UUID.randomUUID().toString());
		String secret = orGenerated(this.properties.clientSecret(), this::newPassword);
		this.clients.register(clientId, "Keyfob bootstrap",
				GraphPermission.scopes(GraphPermission.applicationPermissions()), secret);
		this.state.complete(this.clock.instant(), admin.id(), clientId);
		print(admin,
				existing.isPresent() ? "(unchanged: the user existed)"
						: shown(this.properties.adminPassword(), password, "admin-password"),
				clientId, shown(this.properties.clientSecret(), secret, "client-secret"));
	}

	private void print(User admin, String password, String clientId, String secret) {
		String base = baseUrl();
		String rule = "=".repeat(78);
		this.console.println();
		this.console.println(rule);
		this.console.println(" Keyfob's first start. Note these now: they are shown this once and never again.");
		this.console.println();
		this.console.println("   Sign in at        " + base + "/login");
		this.console.println("   Admin user        " + admin.userPrincipalName() + "   (Global Administrator)");
		this.console.println("   Admin password    " + password);
		this.console.println();
		this.console.println("   Token endpoint    " + base + "/oauth2/token   (client credentials)");
		this.console.println("   Client id         " + clientId);
		this.console.println("   Client secret     " + secret);
		this.console.println();
		this.console.println(" Keyfob keeps only hashes. See docs/admin-guide.md, \"First start\".");
		this.console.println(rule);
		this.console.println();
		this.console.flush();
	}

	private String baseUrl() {
		int port = (this.context instanceof WebServerApplicationContext web && web.getWebServer() != null)
				? web.getWebServer().getPort() : 8080;
		return "http://localhost:" + port;
	}

	private static String shown(@Nullable String configured, String value, String setting) {
		return (configured != null) ? "(as set in keyfob.bootstrap." + setting + ")" : value;
	}

	private static String orGenerated(@Nullable String configured, java.util.function.Supplier<String> generator) {
		return (configured != null && !configured.isBlank()) ? configured : generator.get();
	}

	private String newPassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 24; i++) {
			password.append(PASSWORD_ALPHABET.charAt(this.random.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

}
