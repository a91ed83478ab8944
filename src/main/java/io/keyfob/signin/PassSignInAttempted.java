package io.keyfob.signin;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A sign-in with a Temporary Access Pass was attempted at {@code /login/pass}; never the
 * pass.
 *
 * @param userId the enabled user the name matched, or {@code null}
 * @param userPrincipalName the name typed
 * @param accepted whether it signed in
 * @param failure {@code "locked"} if the lockout refused it unchecked, else {@code null}
 * @param sourceAddress the browser's address
 */
public record PassSignInAttempted(@Nullable UUID userId, String userPrincipalName, boolean accepted,
		@Nullable String failure, @Nullable String sourceAddress) {

}
