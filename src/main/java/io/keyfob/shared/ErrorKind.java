package io.keyfob.shared;

/**
 * What kind of refusal a {@link KeyfobException} is. The HTTP adapters turn a kind into a
 * status code; the modules never speak HTTP.
 */
public enum ErrorKind {

	/** The request is malformed or breaks a rule; the caller must change it. */
	INVALID,

	/** Something the request names does not exist (or may not be seen). */
	NOT_FOUND,

	/**
	 * The request conflicts with the current state, for example a duplicate serial
	 * number.
	 */
	CONFLICT,

	/** The caller may not do this. */
	FORBIDDEN,

	/** Too many attempts; try again later. */
	TOO_MANY_REQUESTS

}
