package io.keyfob.directory;

import java.util.regex.Pattern;

/**
 * What makes a sign-in name, a display name and a description acceptable.
 */
final class UserPropertyRules {

	static final int MAX_LENGTH = 256;

	static final int MAX_DESCRIPTION_LENGTH = 1024;

	private static final Pattern USER_PRINCIPAL_NAME = Pattern
		.compile("[^@\\s\"<>()\\[\\]\\\\,;:]+@[^@\\s\"<>()\\[\\]\\\\,;:]+");

	private UserPropertyRules() {
	}

	static String userPrincipalName(String value) {
		String upn = value.strip();
		if (upn.length() > MAX_LENGTH || !USER_PRINCIPAL_NAME.matcher(upn).matches()) {
			throw DirectoryErrors.invalid("Invalid value specified for property 'userPrincipalName': use the form "
					+ "alias@domain, without spaces, at most " + MAX_LENGTH + " characters.");
		}
		return upn;
	}

	static String displayName(String value) {
		String name = value.strip();
		if (name.isEmpty() || name.length() > MAX_LENGTH) {
			throw DirectoryErrors.invalid(
					"Invalid value specified for property 'displayName': give 1 to " + MAX_LENGTH + " characters.");
		}
		return name;
	}

	static String description(String value) {
		String description = value.strip();
		if (description.length() > MAX_DESCRIPTION_LENGTH) {
			throw DirectoryErrors.invalid("Invalid value specified for property 'description': give at most "
					+ MAX_DESCRIPTION_LENGTH + " characters.");
		}
		return description;
	}

}
