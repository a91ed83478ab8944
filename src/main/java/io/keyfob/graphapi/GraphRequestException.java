package io.keyfob.graphapi;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;

/**
 * A request the Graph adapter cannot read: a malformed query option or a property of the
 * wrong type. Always a 400; the message names the option or property and says what is
 * allowed.
 */
final class GraphRequestException extends KeyfobException {

	private GraphRequestException(String code, String message) {
		super(ErrorKind.INVALID, code, message);
	}

	/**
	 * A query option ({@code $filter}, {@code $top}, ...) is malformed or not supported.
	 * @param message what is wrong, starting with the option's name
	 * @return the exception
	 */
	static GraphRequestException badQuery(String message) {
		return new GraphRequestException("Request_BadRequest", message);
	}

	/**
	 * A property of the request body has a value Keyfob cannot take.
	 * @param property the Graph property name
	 * @param problem what is wrong and what is allowed
	 * @return the exception
	 */
	static GraphRequestException invalidProperty(String property, String problem) {
		return new GraphRequestException("invalidRequest", property + ": " + problem);
	}

	/**
	 * The request body as a whole is not what this operation takes.
	 * @param message what is wrong and what to send
	 * @return the exception
	 */
	static GraphRequestException invalidBody(String message) {
		return new GraphRequestException("invalidRequest", message);
	}

}
