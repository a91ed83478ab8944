package io.keyfob.signin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.keyfob.directory.GraphPermission;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.keyfob.signin.ClientEvents.ClientDeleted;
import io.keyfob.signin.ClientEvents.ClientPermissionsChanged;
import io.keyfob.signin.ClientEvents.ClientRegistered;
import io.keyfob.signin.ClientEvents.ClientSecretReplaced;
import io.keyfob.signin.jdbc.JdbcClients;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * App registrations: confidential clients that get app-only tokens with the client
 * credentials grant (secret by HTTP Basic or in the form) and hold Graph application
 * permissions. Secrets are random, shown once and stored as hashes.
 */
@Service
@Transactional
public class ClientRegistrations {

	static final String NOT_FOUND = "Request_ResourceNotFound";

	private final RegisteredClientRepository clients;

	private final JdbcClients jdbcClients;

	private final PasswordEncoder encoder;

	private final ApplicationEventPublisher events;

	private final SignInProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ClientRegistrations(RegisteredClientRepository clients, JdbcClients jdbcClients, PasswordEncoder encoder,
			ApplicationEventPublisher events, SignInProperties properties, Clock clock) {
		this.clients = clients;
		this.jdbcClients = jdbcClients;
		this.encoder = encoder;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Register an application with a generated client id and secret.
	 * @param displayName a name for people
	 * @param permissions Graph application permission names
	 * @return the client and its secret, which is not kept
	 */
	public ClientSecret register(String displayName, Set<String> permissions) {
		String secret = newSecret();
		return new ClientSecret(register(UUID.randomUUID().toString(), displayName, permissions, secret), secret);
	}

	/**
	 * Register an application with a given client id and secret, as the bootstrap does
	 * from its settings.
	 * @param clientId the client id
	 * @param displayName a name for people
	 * @param permissions Graph application permission names
	 * @param secret the secret
	 * @return the client
	 */
	public AppClient register(String clientId, String displayName, Set<String> permissions, String secret) {
		String name = name(displayName);
		Set<String> granted = applicationPermissions(permissions);
		if (clientId.isBlank() || clientId.length() > 100 || this.clients.findByClientId(clientId) != null) {
			throw new KeyfobException(ErrorKind.CONFLICT, "Request_MultipleObjectsWithSameKeyValue",
					"An application with this client id exists already, or the id is not 1 to 100 characters.");
		}
		Instant now = this.clock.instant();
		RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientIdIssuedAt(now)
			.clientSecret(this.encoder.encode(secret))
			.clientName(name)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((scopes) -> scopes.addAll(granted))
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.tokenSettings(
					TokenSettings.builder().accessTokenTimeToLive(this.properties.accessTokenTimeToLive()).build())
			.build();
		this.clients.save(client);
		this.events.publishEvent(new ClientRegistered(clientId, granted));
		return appClient(client);
	}

	@Transactional(readOnly = true)
	public List<AppClient> list() {
		return this.jdbcClients.clientIds().stream().map(this::find).flatMap(Optional::stream).toList();
	}

	@Transactional(readOnly = true)
	public Optional<AppClient> find(String clientId) {
		return Optional.ofNullable(this.clients.findByClientId(clientId)).map(ClientRegistrations::appClient);
	}

	/**
	 * Replace an application's permissions; takes effect on its next request.
	 * @param clientId the client
	 * @param permissions the permissions it holds from now on
	 * @return the client as it is now
	 */
	public AppClient replacePermissions(String clientId, Set<String> permissions) {
		RegisteredClient client = changeable(clientId);
		Set<String> granted = applicationPermissions(permissions);
		RegisteredClient changed = RegisteredClient.from(client).scopes((scopes) -> {
			scopes.clear();
			scopes.addAll(granted);
		}).build();
		this.clients.save(changed);
		this.events.publishEvent(new ClientPermissionsChanged(clientId, granted));
		return appClient(changed);
	}

	/**
	 * Give an application a new secret; the old one stops working at once.
	 * @param clientId the client
	 * @return the client and its new secret
	 */
	public ClientSecret replaceSecret(String clientId) {
		RegisteredClient client = changeable(clientId);
		String secret = newSecret();
		this.clients.save(RegisteredClient.from(client).clientSecret(this.encoder.encode(secret)).build());
		this.events.publishEvent(new ClientSecretReplaced(clientId));
		return new ClientSecret(appClient(client), secret);
	}

	/**
	 * Delete an application; its tokens stop working at once.
	 * @param clientId the client
	 */
	public void delete(String clientId) {
		RegisteredClient client = changeable(clientId);
		this.jdbcClients.delete(client.getId());
		this.events.publishEvent(new ClientDeleted(clientId));
	}

	/**
	 * The permissions an application holds now, for checking its tokens.
	 * @param clientId the client
	 * @return its permissions, or empty when no such client exists
	 */
	public Optional<Set<String>> currentPermissions(String clientId) {
		return this.jdbcClients.scopes(clientId);
	}

	private RegisteredClient changeable(String clientId) {
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (client == null) {
			throw new KeyfobException(ErrorKind.NOT_FOUND, NOT_FOUND,
					"No application has the client id '" + clientId + "'.");
		}
		if (BuiltInClients.isBuiltIn(client)) {
			throw new KeyfobException(ErrorKind.INVALID, "Request_BadRequest",
					"The built-in client '" + clientId + "' cannot be changed or deleted.");
		}
		return client;
	}

	private String newSecret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String name(@Nullable String displayName) {
		String name = (displayName != null) ? displayName.strip() : "";
		if (name.isEmpty() || name.length() > 200) {
			throw new KeyfobException(ErrorKind.INVALID, "Request_BadRequest",
					"Invalid value specified for property 'displayName': give 1 to 200 characters.");
		}
		return name;
	}

	private static Set<String> applicationPermissions(Set<String> requested) {
		Set<String> valid = GraphPermission.scopes(GraphPermission.applicationPermissions());
		Set<String> unknown = new TreeSet<>(requested);
		unknown.removeAll(valid);
		if (!unknown.isEmpty()) {
			throw new KeyfobException(ErrorKind.INVALID, "Request_BadRequest",
					"Not an application permission: " + String.join(", ", unknown) + ". Application permissions are: "
							+ String.join(", ", new TreeSet<>(valid)) + ".");
		}
		return new LinkedHashSet<>(new TreeSet<>(requested));
	}

	private static AppClient appClient(RegisteredClient client) {
		Instant issued = (client.getClientIdIssuedAt() != null) ? client.getClientIdIssuedAt() : Instant.EPOCH;
		return new AppClient(client.getClientId(), client.getClientName(), new TreeSet<>(client.getScopes()), issued,
				BuiltInClients.isBuiltIn(client));
	}

}
