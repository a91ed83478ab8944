package io.keyfob.accesspass;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import org.jspecify.annotations.Nullable;

/**
 * A refusal about a Temporary Access Pass or its policy. Messages never contain a pass.
 */
public final class AccessPassException extends KeyfobException {

	private final @Nullable String property;

	private final String problem;

	private AccessPassException(ErrorKind kind, String code, String message) {
		this(kind, code, null, message);
	}

	private AccessPassException(ErrorKind kind, String code, @Nullable String property, String problem) {
		super(kind, code, (property != null) ? property + ": " + problem : problem);
		this.property = property;
		this.problem = problem;
	}

	static AccessPassException invalid(String property, String problem) {
		return new AccessPassException(ErrorKind.INVALID, "invalidRequest", property, problem);
	}

	/**
	 * The refused Graph property, so a page can show the problem next to its field.
	 * @return the property, or {@code null} if the refusal is not about one
	 */
	public @Nullable String property() {
		return this.property;
	}

	/**
	 * What is wrong, without the property's name.
	 * @return the problem
	 */
	public String problem() {
		return this.problem;
	}

	static AccessPassException policyDisabled() {
		return new AccessPassException(ErrorKind.FORBIDDEN, "policyDisabledForUser",
				"The Temporary Access Pass method is not enabled for this user. An Authentication Policy "
						+ "Administrator can enable it in the authentication methods policy.");
	}

	static AccessPassException alreadyExists() {
		return new AccessPassException(ErrorKind.CONFLICT, "methodLimitReached",
				"This user already has a Temporary Access Pass. Delete it before creating a new one.");
	}

	static AccessPassException notFound(String id) {
		return new AccessPassException(ErrorKind.NOT_FOUND, "Request_ResourceNotFound",
				"This user has no Temporary Access Pass with id '" + id + "'. List the user's passes to find it.");
	}

}
