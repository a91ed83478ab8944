package io.keyfob.shared.filter;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;

/**
 * A {@code $filter} Keyfob cannot read or does not support; the message names the
 * property, operator or function and where it is. Graph answers it with 400
 * {@code Request_BadRequest}.
 */
public final class FilterException extends KeyfobException {

	FilterException(String problem) {
		super(ErrorKind.INVALID, "Request_BadRequest", "$filter: " + problem);
	}

}
