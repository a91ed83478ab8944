package io.keyfob.token;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;

/**
 * A token property breaks a rule. The message starts with the Graph property name and
 * says what is allowed; it never contains the secret.
 */
public final class InvalidTokenException extends KeyfobException {

	private final String property;

	InvalidTokenException(String property, String problem) {
		super(ErrorKind.INVALID, "invalidRequest", property + ": " + problem);
		this.property = property;
	}

	/**
	 * The Graph property that is wrong, for showing the message next to a form field.
	 * @return for example {@code secretKey}
	 */
	public String property() {
		return this.property;
	}

}
