package io.keyfob.token;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;

/**
 * A token is not in a status that allows what was asked. The messages name the token by
 * id only: they never reveal who holds it.
 */
public final class TokenStateException extends KeyfobException {

	private TokenStateException(ErrorKind kind, String code, String message) {
		super(kind, code, message);
	}

	static TokenStateException alreadyAssigned(HardwareOathToken token) {
		return new TokenStateException(ErrorKind.CONFLICT, "tokenAlreadyAssigned", "Token " + token.id()
				+ " is already assigned to a user. Unassign it first, or choose an available token.");
	}

	static TokenStateException assigned(HardwareOathToken token) {
		return new TokenStateException(ErrorKind.CONFLICT, "tokenAssigned", "Token " + token.id()
				+ " is assigned to a user, so it cannot be changed or deleted. Unassign it first.");
	}

	static TokenStateException blocked(HardwareOathToken token) {
		return new TokenStateException(ErrorKind.CONFLICT, "tokenBlocked", "Token " + token.id()
				+ " is blocked, so it cannot be claimed, assigned, activated or used. A policy administrator can "
				+ "unblock it once it is back in safe hands.");
	}

	static TokenStateException notBlocked(HardwareOathToken token) {
		return new TokenStateException(ErrorKind.CONFLICT, "tokenNotBlocked",
				"Token " + token.id() + " is not blocked, so there is nothing to unblock.");
	}

	static TokenStateException notAssigned(HardwareOathToken token) {
		return new TokenStateException(ErrorKind.INVALID, "tokenNotAssignedToUser",
				"Token " + token.id() + " is not assigned to anyone. Assign it to a user first.");
	}

}
