package io.keyfob.signin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.keyfob.directory.GraphPermission;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;

/**
 * Registers the built-in public client {@value #CLIENT_ID} of the API explorer (Swagger
 * UI at {@code /api-explorer}) on every start: authorization code with PKCE required, no
 * consent screen, any delegated permission. Its redirect URI is Swagger UI's
 * {@value #REDIRECT_PATH} on {@code keyfob.signin.issuer} when that is set, on
 * {@code http://localhost:<server.port>}, and on the loopback addresses {@code 127.0.0.1}
 * and {@code [::1]} with any port.
 */
@Component
@DependsOnDatabaseInitialization
final class ApiExplorerClient implements InitializingBean {

	static final String CLIENT_ID = "keyfob-api-explorer";

	static final String REDIRECT_PATH = "/swagger-ui/oauth2-redirect.html";

	private final RegisteredClientRepository clients;

	private final SignInProperties properties;

	private final Clock clock;

	private final int port;

	ApiExplorerClient(RegisteredClientRepository clients, SignInProperties properties, Clock clock,
			@Value("${server.port:8080}") int port) {
		this.clients = clients;
		this.properties = properties;
		this.clock = clock;
		this.port = port;
	}

	List<String> redirectUris() {
		List<String> uris = new ArrayList<>();
		if (this.properties.issuer() != null && !this.properties.issuer().isBlank()) {
			uris.add(this.properties.issuer().replaceAll("/+$", "") + REDIRECT_PATH);
		}
		if (this.port > 0) {
			uris.add("http://localhost:" + this.port + REDIRECT_PATH);
		}
		uris.add("http://127.0.0.1" + REDIRECT_PATH);
		uris.add("http://[::1]" + REDIRECT_PATH);
		return uris;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> scopes = new ArrayList<>();
		scopes.add(OidcScopes.OPENID);
		scopes.addAll(GraphPermission.scopes(EnumSet.allOf(GraphPermission.class)));
		PublicClients.register(this.clients, CLIENT_ID, "Keyfob API explorer", redirectUris(), scopes,
				this.properties.accessTokenTimeToLive(), this.clock);
	}

}
