/**
 * Sign-in: the OAuth2/OIDC authorization server, password and code pages, app
 * registrations, and the verify API.
 * <p>
 * <b>Filter chains</b>, in order: the authorization server's endpoints
 * ({@link io.keyfob.signin.AuthorizationServerConfiguration}), the HTTP API under
 * {@code /beta} and {@code /api} (owned by {@code graphapi}), then the pages
 * ({@link io.keyfob.signin.WebSecurityConfiguration}). A signed-in user's principal name
 * is their object id.
 * <p>
 * <b>The second factor.</b> Spring Security 7's multi-factor support is the seam. Signing
 * in with a password grants the authority {@code FACTOR_PASSWORD}. A page, and the
 * authorization endpoint that issues codes to applications, counts as signed in only when
 * the user also holds every authority that the
 * {@link org.springframework.security.authorization.RequiredAuthoritiesRepository} bean
 * lists for them (looked up by username, the object id); without such a bean the password
 * alone is enough ({@link io.keyfob.signin.SignInFactors}). The hardware token step is
 * that bean:
 * <ol>
 * <li>{@link io.keyfob.signin.OtpFactor} answers {@code ["FACTOR_OTP"]} for users who
 * hold an activated hardware OATH method that the policy targets, nothing for
 * others;</li>
 * <li>{@link io.keyfob.signin.OtpController} serves {@code /login/otp} (field
 * {@code code}), open to users with the password factor; it checks the code through
 * {@code authmethod} and, if right, adds {@code FactorGrantedAuthority.fromFactor("OTP")}
 * to the session's authentication under a new session id, then continues to the saved
 * request;</li>
 * <li>both page chains send users who lack the factor there:
 * {@code exceptionHandling(e -> e.defaultDeniedHandlerForMissingAuthority(new
 * LoginUrlAuthenticationEntryPoint("/login/otp"), "FACTOR_OTP"))};</li>
 * <li>{@link io.keyfob.signin.AccessTokenClaims} writes {@code amr} and {@code acr} into
 * ID tokens from the factors the sign-in held.</li>
 * </ol>
 */
@ApplicationModule(allowedDependencies = { "authmethod", "directory", "policy", "shared" })
@NullMarked
package io.keyfob.signin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
