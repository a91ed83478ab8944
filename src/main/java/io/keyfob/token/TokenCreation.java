package io.keyfob.token;

import io.keyfob.shared.KeyfobException;

/**
 * The outcome of one item of a bulk upload: the stored token, or why it was refused.
 */
public sealed interface TokenCreation permits TokenCreation.Created, TokenCreation.Refused {

	/**
	 * The token was stored.
	 *
	 * @param token the stored token
	 */
	record Created(HardwareOathToken token) implements TokenCreation {
	}

	/**
	 * The token was not stored; nothing of it was written.
	 *
	 * @param reason what is wrong, with a Graph error code and a message
	 */
	record Refused(KeyfobException reason) implements TokenCreation {
	}

}
