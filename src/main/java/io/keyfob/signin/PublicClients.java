package io.keyfob.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Registers a built-in public client on start: authorization code with PKCE required, no
 * consent screen, no secret. Registering again replaces its settings, so they follow the
 * version that runs.
 */
final class PublicClients {

	private PublicClients() {
	}

	static void register(RegisteredClientRepository clients, String clientId, String clientName,
			Collection<String> redirectUris, Collection<String> scopes, Duration accessTokenTimeToLive, Clock clock) {
		@Nullable RegisteredClient existing = clients.findByClientId(clientId);
		RegisteredClient.Builder builder = (existing != null) ? RegisteredClient.from(existing)
				: RegisteredClient.withId(clientId).clientIdIssuedAt(clock.instant());
		RegisteredClient client = builder.clientId(clientId)
			.clientName(clientName)
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
				uris.addAll(redirectUris);
			})
			.scopes((granted) -> {
				granted.clear();
				granted.addAll(scopes);
			})
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(accessTokenTimeToLive).build())
			.build();
		try {
			clients.save(client);
		}
		catch (DataIntegrityViolationException ex) {
			// another node registered it at the same moment; its row is the same
		}
	}

}
