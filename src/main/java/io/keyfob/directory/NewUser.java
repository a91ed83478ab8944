package io.keyfob.directory;

import org.jspecify.annotations.Nullable;

/**
 * What it takes to create a user.
 *
 * @param userPrincipalName the sign-in name, for example {@code amy@example.org}
 * @param displayName the name to show
 * @param accountEnabled whether the user may sign in
 * @param password the initial password, or {@code null} for a user who cannot sign in
 * with a password yet
 */
public record NewUser(String userPrincipalName, String displayName, boolean accountEnabled, @Nullable String password) {

	@Override
	public String toString() {
		return "NewUser[userPrincipalName=" + this.userPrincipalName + "]";
	}

}
