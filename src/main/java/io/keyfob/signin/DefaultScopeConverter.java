package io.keyfob.signin;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a client credentials request as Microsoft's identity platform does: the scope
 * {@code .default} (for example {@code https://graph.microsoft.com/.default}) asks for
 * every permission granted to the client, as does a request without a scope. Scripts
 * written for Entra ID work unchanged.
 */
final class DefaultScopeConverter implements AuthenticationConverter {

	private final OAuth2ClientCredentialsAuthenticationConverter delegate = new OAuth2ClientCredentialsAuthenticationConverter();

	static void install(List<AuthenticationConverter> converters) {
		converters.replaceAll((converter) -> (converter instanceof OAuth2ClientCredentialsAuthenticationConverter)
				? new DefaultScopeConverter() : converter);
	}

	@Override
	public @Nullable Authentication convert(HttpServletRequest request) {
		Authentication converted = this.delegate.convert(request);
		if (!(converted instanceof OAuth2ClientCredentialsAuthenticationToken token)) {
			return converted;
		}
		Set<String> scopes = token.getScopes()
			.stream()
			.filter((scope) -> !isDefault(scope))
			.collect(Collectors.toUnmodifiableSet());
		if (scopes.size() == token.getScopes().size()) {
			return token;
		}
		OAuth2ClientCredentialsAuthenticationToken stripped = new OAuth2ClientCredentialsAuthenticationToken(
				(Authentication) token.getPrincipal(), scopes, token.getAdditionalParameters());
		stripped.setDetails(token.getDetails());
		return stripped;
	}

	static boolean isDefault(String scope) {
		return scope.equals(".default") || scope.endsWith("/.default");
	}

}
