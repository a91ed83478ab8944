package io.keyfob.signin;

import java.util.Set;

/**
 * Changes to app registrations, for the audit log. No event carries a secret.
 */
public final class ClientEvents {

	private ClientEvents() {
	}

	/**
	 * An application was registered.
	 *
	 * @param clientId its client id
	 * @param permissions the permissions granted
	 */
	public record ClientRegistered(String clientId, Set<String> permissions) {
	}

	/**
	 * An application's permissions were replaced.
	 *
	 * @param clientId its client id
	 * @param permissions the permissions now granted
	 */
	public record ClientPermissionsChanged(String clientId, Set<String> permissions) {
	}

	/**
	 * An application got a new secret; the old one no longer works.
	 *
	 * @param clientId its client id
	 */
	public record ClientSecretReplaced(String clientId) {
	}

	/**
	 * An application was deleted.
	 *
	 * @param clientId its client id
	 */
	public record ClientDeleted(String clientId) {
	}

}
