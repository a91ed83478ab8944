/**
 * Sign-in: the OAuth2/OIDC authorization server, password and code pages, and the verify
 * API.
 */
@ApplicationModule(allowedDependencies = { "authmethod", "directory", "policy", "shared" })
@NullMarked
package io.keyfob.signin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
