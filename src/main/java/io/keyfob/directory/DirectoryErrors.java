package io.keyfob.directory;

import java.util.UUID;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;

/**
 * The directory's refusals, with Graph's error codes and messages that say what to do.
 */
final class DirectoryErrors {

	static final String BAD_REQUEST = "Request_BadRequest";

	static final String NOT_FOUND = "Request_ResourceNotFound";

	static final String DUPLICATE = "Request_MultipleObjectsWithSameKeyValue";

	private DirectoryErrors() {
	}

	static KeyfobException invalid(String message) {
		return new KeyfobException(ErrorKind.INVALID, BAD_REQUEST, message);
	}

	static KeyfobException userNotFound(String idOrName) {
		return new KeyfobException(ErrorKind.NOT_FOUND, NOT_FOUND, "Resource '" + idOrName
				+ "' does not exist or one of its queried reference-property objects are not present.");
	}

	static KeyfobException groupNotFound(UUID id) {
		return userNotFound(id.toString());
	}

	static KeyfobException duplicateUserPrincipalName() {
		return new KeyfobException(ErrorKind.CONFLICT, DUPLICATE,
				"Another object with the same value for property userPrincipalName already exists.");
	}

	static KeyfobException alreadyMember() {
		return invalid("One or more added object references already exist for the following modified properties: "
				+ "'members'.");
	}

	static KeyfobException duplicateRoleAssignment() {
		return new KeyfobException(ErrorKind.CONFLICT, DUPLICATE,
				"The principal already holds this role at this scope.");
	}

	static KeyfobException badPageToken() {
		return invalid("The $skiptoken is not valid here: follow @odata.nextLink exactly as returned.");
	}

}
