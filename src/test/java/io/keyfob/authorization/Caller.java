package io.keyfob.authorization;

import java.util.Set;

import io.keyfob.directory.DirectoryRole;
import org.jspecify.annotations.Nullable;

/**
 * Who sends a request in the authorization matrix.
 */
sealed interface Caller {

	/**
	 * No token, an expired one, or one signed by a foreign key.
	 *
	 * @param description which
	 */
	record Unauthenticated(String description) implements Caller {

		@Override
		public String toString() {
			return this.description;
		}

	}

	/**
	 * An application with an app-only token.
	 *
	 * @param permissions its application permissions
	 */
	record App(Set<String> permissions) implements Caller {

		@Override
		public String toString() {
			return this.permissions.isEmpty() ? "app without permissions" : "app with " + this.permissions;
		}

	}

	/**
	 * A user through keyfob-cli, asking for every scope.
	 *
	 * @param role the user's one role, or {@code null} for none
	 */
	record Delegated(@Nullable DirectoryRole role) implements Caller {

		@Override
		public String toString() {
			return (this.role != null) ? "user who is " + this.role.displayName() : "user without a role";
		}

	}

}
