package io.keyfob.directory;

import org.jspecify.annotations.Nullable;

/**
 * A partial update of a user: {@code null} leaves a property as it is.
 *
 * @param userPrincipalName a new sign-in name
 * @param displayName a new display name
 * @param accountEnabled enable or disable sign-in
 * @param password a new password
 */
public record UserChanges(@Nullable String userPrincipalName, @Nullable String displayName,
		@Nullable Boolean accountEnabled, @Nullable String password) {

	@Override
	public String toString() {
		return "UserChanges[userPrincipalName=" + this.userPrincipalName + ", displayName=" + this.displayName
				+ ", accountEnabled=" + this.accountEnabled + ", password=" + ((this.password != null) ? "(new)" : null)
				+ "]";
	}

}
