package io.keyfob.signin;

import java.time.Clock;
import java.util.List;

import io.keyfob.directory.GraphPermission;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
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
		return CLI_CLIENT_ID.equals(client.getClientId());
	}

	@Override
	public void afterPropertiesSet() {
		RegisteredClient existing = this.clients.findByClientId(CLI_CLIENT_ID);
		RegisteredClient.Builder builder = (existing != null) ? RegisteredClient.from(existing)
				: RegisteredClient.withId(CLI_CLIENT_ID).clientIdIssuedAt(this.clock.instant());
		RegisteredClient cli = builder.clientId(CLI_CLIENT_ID)
			.clientName("Keyfob command line")
			.clientAuthenticationMethods((methods) -> {
				methods.clear();
				methods.add(ClientAuthenticationMethod.NONE);
			})
			.authorizationGrantTypes((grants) -> {
				grants.clear();
				grants.add(AuthorizationGrantType.AUTHORIZATION_CODE);
			})
			.redirectUris((uris) -> {
				uris.clear();
				uris.addAll(CLI_REDIRECT_URIS);
			})
			.scopes((scopes) -> {
				scopes.clear();
				scopes.add(OidcScopes.OPENID);
				scopes.add(OidcScopes.PROFILE);
				scopes.addAll(GraphPermission.scopes(java.util.EnumSet.allOf(GraphPermission.class)));
			})
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(
					TokenSettings.builder().accessTokenTimeToLive(this.properties.accessTokenTimeToLive()).build())
			.build();
		try {
			this.clients.save(cli);
		}
		catch (DataIntegrityViolationException ex) {
			// another node registered it at the same moment; its row is the same
		}
	}

}
