package io.keyfob.signin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.keyfob.directory.Directory;
import io.keyfob.directory.GraphPermission;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What Keyfob's tokens say, in the manner of Entra ID's:
 * <ul>
 * <li>every access token: header {@code typ: at+jwt}; {@code scope}, the granted scopes
 * as an array;</li>
 * <li>app-only tokens (client credentials): {@code idtyp: app}, {@code sub} and
 * {@code client_id} the client id, {@code roles} the granted application permissions. A
 * request without scopes, or with {@code .default}, is granted every permission of the
 * client;</li>
 * <li>delegated tokens (authorization code): {@code idtyp: user}, {@code sub} and
 * {@code oid} the user's object id, {@code scp} the granted scopes separated by spaces.
 * The resource server intersects them with the user's roles on every request;</li>
 * <li>ID tokens: {@code oid}, {@code name} and {@code preferred_username}; {@code amr}
 * (RFC 8176) {@code ["pwd", "otp"]} when the sign-in included a hardware token code, else
 * {@code ["pwd"]}, or {@code ["tap", "mfa"]} after a sign-in with a Temporary Access
 * Pass, which stands for both factors; and {@code acr} {@value #ACR_MFA} (the OpenID PAPE
 * multi-factor policy) or {@value #ACR_PASSWORD} to match.</li>
 * </ul>
 * The claims are stored with the authorization, and read back through Spring Security's
 * Jackson allowlist, so collections are of the types it allows ({@link ArrayList},
 * {@link LinkedHashSet}): a {@code List.of} or a {@code TreeSet} makes the authorization
 * unreadable, and with it introspection, revocation and code reuse detection.
 */
final class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	static final String APP = "app";

	static final String USER = "user";

	/** The {@code acr} of a sign-in with password and hardware token code. */
	static final String ACR_MFA = "http://schemas.openid.net/pape/policies/2007/06/multi-factor";

	/** The {@code acr} of a sign-in with the password alone. */
	static final String ACR_PASSWORD = "urn:keyfob:acr:password";

	private final Directory directory;

	AccessTokenClaims(Directory directory) {
		this.directory = directory;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
			context.getJwsHeader().type(AuthorizationServerConfiguration.ACCESS_TOKEN_TYPE);
			if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
				appOnly(context);
			}
			else {
				delegated(context);
			}
		}
		else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			idToken(context);
		}
	}

	private void appOnly(JwtEncodingContext context) {
		Set<String> requested = context.getAuthorizedScopes();
		Set<String> sorted = new TreeSet<>(requested.isEmpty() ? context.getRegisteredClient().getScopes() : requested);
		sorted.retainAll(GraphPermission.scopes(GraphPermission.applicationPermissions()));
		Set<String> scopes = new LinkedHashSet<>(sorted);
		context.getClaims()
			.claim("idtyp", APP)
			.claim("client_id", context.getRegisteredClient().getClientId())
			.claim("scope", scopes)
			.claim("roles", scopes);
	}

	private void delegated(JwtEncodingContext context) {
		String userId = context.getPrincipal().getName();
		context.getClaims()
			.claim("idtyp", USER)
			.claim("oid", userId)
			.claim("client_id", context.getRegisteredClient().getClientId())
			.claim("scp", String.join(" ", new TreeSet<>(context.getAuthorizedScopes())));
	}

	private void idToken(JwtEncodingContext context) {
		String userId = context.getPrincipal().getName();
		boolean otp = OtpFactor.granted(context.getPrincipal());
		List<String> amr = PassSignInController.granted(context.getPrincipal()) ? List.of("tap", "mfa")
				: otp ? List.of("pwd", "otp") : List.of("pwd");
		context.getClaims()
			.claim("oid", userId)
			.claim("amr", new ArrayList<>(amr))
			.claim("acr", otp ? ACR_MFA : ACR_PASSWORD);
		SignedInUsers.parse(userId)
			.flatMap(this.directory::findUser)
			.ifPresent((user) -> context.getClaims()
				.claim("name", user.displayName())
				.claim("preferred_username", user.userPrincipalName()));
	}

}
