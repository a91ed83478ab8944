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
 * alone is enough ({@link io.keyfob.signin.SignInFactors}). The hardware token step plugs
 * in like this:
 * <ol>
 * <li>declare a {@code RequiredAuthoritiesRepository} bean that answers
 * {@code ["FACTOR_OTP"]} for users who have an activated hardware OATH method that the
 * policy targets, and nothing for others;</li>
 * <li>serve {@code /login/otp} (field {@code code}) with an authentication filter whose
 * provider checks the code through {@code authmethod} and adds
 * {@code FactorGrantedAuthority.fromAuthority("FACTOR_OTP")} to the existing
 * authentication;</li>
 * <li>in both page chains, send users who lack the factor there:
 * {@code exceptionHandling(e -> e.defaultDeniedHandlerForMissingAuthority(new
 * LoginUrlAuthenticationEntryPoint("/login/otp"), "FACTOR_OTP"))}.</li>
 * </ol>
 */
@ApplicationModule(allowedDependencies = { "authmethod", "directory", "policy", "shared" })
@NullMarked
package io.keyfob.signin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
