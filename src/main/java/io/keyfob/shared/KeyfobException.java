package io.keyfob.shared;

/**
 * A refusal that the caller can act on: a Graph-style error code, a kind, and a message
 * that says what is wrong and what to do. Messages never contain a secret, a seed or a
 * code.
 */
public class KeyfobException extends RuntimeException {

	private final String code;

	private final ErrorKind kind;

	/**
	 * Create a refusal.
	 * @param kind what kind of refusal it is
	 * @param code the Graph error code, for example {@code duplicateSerialNumber}
	 * @param message what is wrong and what to do, for a person
	 */
	public KeyfobException(ErrorKind kind, String code, String message) {
		super(message);
		this.kind = kind;
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public ErrorKind kind() {
		return this.kind;
	}

}
