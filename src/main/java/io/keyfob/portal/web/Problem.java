package io.keyfob.portal.web;

import org.jspecify.annotations.Nullable;

/**
 * A refusal put in plain words for a form: the field it belongs next to (or none, for the
 * whole form) and what to do about it.
 *
 * @param field the form field, or {@code null}
 * @param message one or two sentences for the person at the keyboard
 */
public record Problem(@Nullable String field, String message) {

	/**
	 * A problem with the whole form.
	 * @param message what is wrong and what to do
	 * @return the problem
	 */
	public static Problem general(String message) {
		return new Problem(null, message);
	}

}
