package io.keyfob.signin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.keyfob.directory.GraphPermission;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Registers the built-in public client {@value #CLI_CLIENT_ID} on every start (so its
 * settings follow the version that runs): authorization code with PKCE required, no
 * consent screen, any delegated permission, and loopback redirect URIs as RFC 8252 §7.3
 * asks for native apps: {@code http://127.0.0.1} or {@code http://[::1]}, any port, path
 * {@code /} or {@code /callback}. Spring Security compares the rest of a loopback
 * redirect URI exactly and ignores only the port.
 */
@Component
@DependsOnDatabaseInitialization
final class BuiltInClients implements InitializingBean {

	/** The client id of Keyfob's command line and of scripts that sign users in. */
	static final String CLI_CLIENT_ID = "keyfob-cli";

	static final List<String> CLI_REDIRECT_URIS = List.of("http://127.0.0.1/", "http://127.0.0.1/callback",
			"http://[::1]/", "http://[::1]/callback");

	private final RegisteredClientRepository clients;

	private final SignInProperties properties;

	private final Clock clock;

	BuiltInClients(RegisteredClientRepository clients, SignInProperties properties, Clock clock) {
		this.clients = clients;
		this.properties = properties;
		this.clock = clock;
	}

	static boolean isBuiltIn(RegisteredClient client) {
		return CLI_CLIENT_ID.equals(client.getClientId()) || ApiExplorerClient.CLIENT_ID.equals(client.getClientId());
	}

	@Override
	public void afterPropertiesSet() {
		List<String> scopes = new ArrayList<>();
		scopes.add(OidcScopes.OPENID);
		scopes.add(OidcScopes.PROFILE);
		scopes.addAll(GraphPermission.scopes(EnumSet.allOf(GraphPermission.class)));
		PublicClients.register(this.clients, CLI_CLIENT_ID, "Keyfob command line", CLI_REDIRECT_URIS, scopes,
				this.properties.accessTokenTimeToLive(), this.clock);
	}

}
