package io.keyfob.authmethod;

import java.util.UUID;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;

/**
 * A refusal of a change to a user's methods, with the Graph error code of docs/design.md
 * and a message that says what to do. Messages never name who holds a token and never
 * contain a code.
 */
public class MethodException extends KeyfobException {

	MethodException(ErrorKind kind, String code, String message) {
		super(kind, code, message);
	}

	static MethodException policyDisabled() {
		return new MethodException(ErrorKind.FORBIDDEN, "policyDisabledForUser",
				"The hardware OATH token method is not enabled for this user. An Authentication Policy Administrator "
						+ "can enable it in the authentication methods policy.");
	}

	static MethodException limitReached(int limit) {
		return new MethodException(ErrorKind.INVALID, "methodLimitReached", "The user already has " + limit
				+ " hardware OATH tokens, the most allowed. Remove one before adding another.");
	}

	static MethodException alreadyAssigned(UUID tokenId) {
		return new MethodException(ErrorKind.CONFLICT, "tokenAlreadyAssigned", "Token " + tokenId
				+ " is already assigned to a user. Unassign it first, or choose an available token.");
	}

	static MethodException alreadyHeld(UUID tokenId) {
		return new MethodException(ErrorKind.CONFLICT, "tokenAlreadyAssigned",
				"Token " + tokenId + " is already one of this user's methods.");
	}

	/**
	 * For a user claiming a token: an unknown token and one held by someone else look
	 * alike.
	 */
	static MethodException notAvailable(UUID tokenId) {
		return new MethodException(ErrorKind.NOT_FOUND, "tokenNotFound",
				"No available hardware token has id " + tokenId + ". Check the id, or ask your helpdesk.");
	}

	/**
	 * An unknown serial number, and for a user also one held by someone else: the two
	 * look alike.
	 */
	static MethodException serialNotFound() {
		return new MethodException(ErrorKind.NOT_FOUND, "serialNumberNotFound",
				"No available hardware token has this serial number. Check the number on the back of the token, "
						+ "or ask your helpdesk.");
	}

	/**
	 * A blocked token: said plainly to everyone, because it tells a finder nothing about
	 * its former holder.
	 */
	static MethodException blocked(UUID tokenId) {
		return new MethodException(ErrorKind.CONFLICT, "tokenBlocked", "Token " + tokenId
				+ " is blocked (reported lost, stolen, broken or retired), so it cannot be claimed, assigned or "
				+ "activated. Hand it to your helpdesk; a policy administrator can unblock it.");
	}

	static MethodException notAssignedToUser(UUID tokenId) {
		return new MethodException(ErrorKind.NOT_FOUND, "tokenNotAssignedToUser", "Token " + tokenId
				+ " is not one of this user's hardware OATH methods. List the user's methods to find its id.");
	}

	static MethodException malformedCode() {
		return new MethodException(ErrorKind.INVALID, "invalidVerificationCode",
				"A verification code is the 6 or 8 digits the token shows.");
	}

	static MethodException accessDenied() {
		return new MethodException(ErrorKind.FORBIDDEN, "Authorization_RequestDenied",
				"Insufficient privileges to complete the operation: this user holds an administrator role, so a "
						+ "Privileged Authentication Administrator must do it.");
	}

	static MethodException adminOnly() {
		return new MethodException(ErrorKind.FORBIDDEN, "Authorization_RequestDenied",
				"Insufficient privileges to complete the operation: only an administrator can do this.");
	}

	static MethodException userNotFound(UUID userId) {
		return new MethodException(ErrorKind.NOT_FOUND, "Request_ResourceNotFound", "No user has id " + userId + ".");
	}

}
