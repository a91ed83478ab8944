package io.keyfob.portal.web;

/**
 * The first check of a typed one-time code, before it goes to the server's check: 6 or 8
 * digits.
 */
public final class Codes {

	private Codes() {
	}

	/**
	 * Check the shape of a typed code.
	 * @param code what was typed
	 * @param field the form field
	 * @return no problem, or one for the field
	 */
	public static FormProblems check(String code, String field) {
		String typed = code.strip();
		FormProblems problems = new FormProblems();
		if (typed.isEmpty()) {
			problems.add(field, "Enter the code the token shows.");
		}
		else if (!typed.matches("[0-9]{6}|[0-9]{8}")) {
			problems.add(field, "Enter the 6 or 8 digits the token shows, without spaces.");
		}
		return problems;
	}

}
