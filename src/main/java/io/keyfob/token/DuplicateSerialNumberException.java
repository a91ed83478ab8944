package io.keyfob.token;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;

/**
 * The inventory already holds a token with this serial number (compared trimmed and
 * ignoring case).
 */
public final class DuplicateSerialNumberException extends KeyfobException {

	DuplicateSerialNumberException(String serialNumber) {
		super(ErrorKind.CONFLICT, "duplicateSerialNumber", "A token with serial number '" + serialNumber
				+ "' is already in the inventory. Serial numbers are unique regardless of case.");
	}

}
