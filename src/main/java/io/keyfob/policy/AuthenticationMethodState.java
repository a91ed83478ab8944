package io.keyfob.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether an authentication method is on (Graph: {@code authenticationMethodState}).
 */
public enum AuthenticationMethodState {

	ENABLED, DISABLED;

	public String graphName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Look up a state by its Graph name, ignoring case.
	 * @param name {@code enabled} or {@code disabled}
	 * @return the state, or empty for any other name
	 */
	public static Optional<AuthenticationMethodState> fromGraphName(String name) {
		return switch (name.strip().toLowerCase(Locale.ROOT)) {
			case "enabled" -> Optional.of(ENABLED);
			case "disabled" -> Optional.of(DISABLED);
			default -> Optional.empty();
		};
	}

}
