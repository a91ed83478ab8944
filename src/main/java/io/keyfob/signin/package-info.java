/**
 * Sign-in: the OAuth2/OIDC authorization server, the password and code pages with the
 * hardware token as second factor, and app registrations. The verify API is
 * {@code graphapi}'s. How the filter chains and the second factor fit together is in
 * docs/design.md, "The sign-in pages and the second factor".
 */
@ApplicationModule(allowedDependencies = { "accesspass", "authmethod", "directory", "policy", "shared" })
@NullMarked
package io.keyfob.signin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
