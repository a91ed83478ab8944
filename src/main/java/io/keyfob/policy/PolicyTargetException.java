package io.keyfob.policy;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;

/**
 * A policy change names a target that is not valid: an unknown group, a malformed id, the
 * all-users target where only groups are allowed, or a group twice.
 */
public final class PolicyTargetException extends KeyfobException {

	PolicyTargetException(String message) {
		super(ErrorKind.INVALID, "invalidRequest", message);
	}

}
