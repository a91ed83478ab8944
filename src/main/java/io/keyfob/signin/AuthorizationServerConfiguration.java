package io.keyfob.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.keyfob.directory.Directory;
import io.keyfob.shared.secret.SecretSealer;
import io.keyfob.signin.jdbc.JdbcSigningKeys;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * The OAuth2/OIDC authorization server: token, authorization, JWKS, discovery and
 * userinfo endpoints, with clients, authorizations and signing keys in the database.
 * Access tokens are JWTs of type {@code at+jwt}; see {@link AccessTokenClaims} for what
 * they carry.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	/** The access token type (RFC 9068), which the resource server requires. */
	static final String ACCESS_TOKEN_TYPE = "at+jwt";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http, SignInFactors factors,
			AuthorizationServerSettings settings) {
		AuthorizationManager<RequestAuthorizationContext> signedIn = factors.signedIn();
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(withDefaults());
			server.tokenEndpoint((token) -> token.accessTokenRequestConverters(DefaultScopeConverter::install));
		});
		http.authorizeHttpRequests((authorize) -> authorize.requestMatchers(settings.getAuthorizationEndpoint())
			.access(signedIn)
			.anyRequest()
			.authenticated());
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(withDefaults()));
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), html)
			.defaultDeniedHandlerForMissingAuthority(new LoginUrlAuthenticationEntryPoint(OtpFactor.PAGE),
					OtpFactor.AUTHORITY));
		PageHeaders.apply(http);
		return http.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(SignInProperties properties) {
		AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
		if (properties.issuer() != null) {
			builder.issuer(properties.issuer());
		}
		return builder.build();
	}

	@Bean
	@DependsOnDatabaseInitialization
	SigningKeys signingKeys(JdbcSigningKeys keys, SecretSealer sealer, Clock clock) {
		SigningKeys signingKeys = new SigningKeys(keys, sealer, clock);
		signingKeys.ensureKey();
		return signingKeys;
	}

	@Bean
	JwtEncoder jwtEncoder(JWKSource<SecurityContext> signingKeys) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(signingKeys);
		encoder.setJwkSelector(SigningKeys::newest);
		return encoder;
	}

	/**
	 * Verifies Keyfob's own access tokens: signature by a current key, not expired (one
	 * minute of clock skew), and of type {@value #ACCESS_TOKEN_TYPE}, so an ID token is
	 * no access token.
	 * @param signingKeys the keys
	 * @param clock the clock
	 * @return the decoder
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys, Clock clock) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(signingKeys).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofMinutes(1));
		timestamps.setClock(clock);
		OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(timestamps,
				new JwtTypeValidator(ACCESS_TOKEN_TYPE));
		decoder.setJwtValidator(validator);
		return new VerifiedAccessTokens(decoder, validator, clock);
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> accessTokenClaims(Directory directory) {
		return new AccessTokenClaims(directory);
	}

}
