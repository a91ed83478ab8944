package io.keyfob.directory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password rules and hashing. Rules follow NIST SP 800-63B: a minimum length and no
 * composition rules. The upper bound is bcrypt's: it reads 72 bytes, no more.
 */
@Component
final class Passwords {

	static final int MIN_LENGTH = 8;

	static final int MAX_BYTES = 72;

	private final PasswordEncoder encoder;

	/**
	 * A hash of a random password, checked against when a name is unknown, so that an
	 * unknown name costs as much time as a wrong password.
	 */
	private final String decoy;

	Passwords(PasswordEncoder encoder) {
		this.encoder = encoder;
		this.decoy = encoder.encode(UUID.randomUUID().toString());
	}

	/**
	 * Check a new password against the rules and hash it.
	 * @param password the password
	 * @return the hash
	 */
	String hash(String password) {
		requireValid(password);
		return this.encoder.encode(password);
	}

	static void requireValid(String password) {
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw DirectoryErrors.invalid("The password is too short: use at least " + MIN_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw DirectoryErrors.invalid("The password is too long: use at most " + MAX_BYTES + " bytes in UTF-8.");
		}
	}

	boolean matches(String password, String hash) {
		return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES && this.encoder.matches(password, hash);
	}

	void spendDecoyCheck(String password) {
		if (password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
			this.encoder.matches(password, this.decoy);
		}
	}

}
