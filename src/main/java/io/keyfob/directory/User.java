package io.keyfob.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as other modules see it: never the password or its hash.
 *
 * @param id the object id
 * @param userPrincipalName the sign-in name, unique regardless of case
 * @param displayName the name to show
 * @param accountEnabled whether the user may sign in
 * @param createdDateTime when the user was created
 */
public record User(UUID id, String userPrincipalName, String displayName, boolean accountEnabled,
		Instant createdDateTime) {
}
