package io.keyfob.signin;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.authorization.RequiredAuthoritiesAuthorizationManager;
import org.springframework.security.authorization.RequiredAuthoritiesRepository;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * The seam for the second factor. A page or the authorization endpoint counts as signed
 * in when the user is authenticated and holds every authority that the
 * {@link RequiredAuthoritiesRepository} bean requires of them (by username, which is the
 * user's object id). Without such a bean the password alone signs in. See the package
 * documentation for how the hardware token step plugs in.
 */
@Component
final class SignInFactors {

	private final RequiredAuthoritiesRepository required;

	SignInFactors(ObjectProvider<RequiredAuthoritiesRepository> required) {
		this.required = required.getIfAvailable(() -> (username) -> List.of());
	}

	AuthorizationManager<RequestAuthorizationContext> signedIn() {
		DefaultAuthorizationManagerFactory<RequestAuthorizationContext> factory = new DefaultAuthorizationManagerFactory<>();
		factory.setAdditionalAuthorization(new RequiredAuthoritiesAuthorizationManager<>(this.required));
		return factory.authenticated();
	}

}
