package io.keyfob.shared;

import org.jspecify.annotations.Nullable;

/**
 * The names people gave their OAuth client applications, so that logs and pages can say
 * "Keyfob bootstrap" where a caller is only known by its client id. The sign-in module,
 * which registers clients, provides it; modules that show who did something use it
 * without depending on sign-in.
 */
public interface ApplicationNames {

	/**
	 * The display name of a client application.
	 * @param clientId the client id, or {@code null} when the caller came through none
	 * @return the display name, the client id itself for a client Keyfob does not know,
	 * or {@code null} for no client id
	 */
	@Nullable String displayName(@Nullable String clientId);

}
