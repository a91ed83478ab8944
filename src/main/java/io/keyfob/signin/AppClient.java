package io.keyfob.signin;

import java.time.Instant;
import java.util.Set;

/**
 * An application registered with Keyfob's authorization server (an app registration),
 * without its secret.
 *
 * @param clientId the client id, used with the client secret at the token endpoint
 * @param displayName a name for people
 * @param permissions the Graph application permissions granted to it
 * @param createdDateTime when it was registered
 * @param builtIn whether Keyfob itself registered it (the {@code keyfob-cli} public
 * client); built-in clients cannot be changed or deleted
 */
public record AppClient(String clientId, String displayName, Set<String> permissions, Instant createdDateTime,
		boolean builtIn) {
}
