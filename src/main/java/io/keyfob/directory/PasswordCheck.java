package io.keyfob.directory;

import java.time.Instant;

/**
 * The outcome of a password check. An unknown name, a disabled account, a user without a
 * password and a wrong password are all {@link Rejected}, so a caller cannot tell them
 * apart.
 */
public sealed interface PasswordCheck {

	/**
	 * The password is right and the account is enabled.
	 *
	 * @param user the user
	 */
	record Accepted(User user) implements PasswordCheck {
	}

	/** The name or the password is wrong, or the user may not sign in. */
	record Rejected() implements PasswordCheck {
	}

	/**
	 * Too many wrong passwords for this name: no check was made.
	 *
	 * @param until when the next attempt will be checked
	 */
	record Throttled(Instant until) implements PasswordCheck {
	}

}
