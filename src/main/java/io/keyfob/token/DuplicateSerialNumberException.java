package io.keyfob.token;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;

/**
 * The inventory already holds a token with this serial number (compared trimmed and
 * ignoring case), or a bulk upload names it twice.
 */
public final class DuplicateSerialNumberException extends KeyfobException {

	DuplicateSerialNumberException(String serialNumber) {
		super(ErrorKind.CONFLICT, "duplicateSerialNumber", "A token with serial number '" + serialNumber
				+ "' is already in the inventory. Serial numbers are unique regardless of case.");
	}

	private DuplicateSerialNumberException(String serialNumber, boolean inRequest) {
		super(ErrorKind.CONFLICT, "duplicateSerialNumber", "Serial number '" + serialNumber
				+ "' appears earlier in this request; only the first item with it was stored. Serial numbers are unique regardless of case.");
	}

	/**
	 * The serial number appeared in an earlier item of the same bulk request.
	 * @param serialNumber the serial number as this item gave it
	 * @return the exception
	 */
	public static DuplicateSerialNumberException inRequest(String serialNumber) {
		return new DuplicateSerialNumberException(serialNumber, true);
	}

}
