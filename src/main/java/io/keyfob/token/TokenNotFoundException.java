package io.keyfob.token;

import java.util.UUID;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;

/**
 * No token has the id or serial number asked for.
 */
public final class TokenNotFoundException extends KeyfobException {

	private TokenNotFoundException(String code, String message) {
		super(ErrorKind.NOT_FOUND, code, message);
	}

	static TokenNotFoundException forId(UUID id) {
		return new TokenNotFoundException("tokenNotFound",
				"No hardware token has id " + id + ". List the inventory to find the token's id.");
	}

	static TokenNotFoundException forSerialNumber(String serialNumber) {
		return new TokenNotFoundException("serialNumberNotFound", "No hardware token has serial number '" + serialNumber
				+ "'. Check the number on the back of the token.");
	}

}
