package io.keyfob.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * How an audited action ended, named as Graph's {@code operationResult}.
 */
public enum AuditResult {

	SUCCESS, FAILURE;

	/**
	 * The Graph name, also stored in the database.
	 * @return {@code success} or {@code failure}
	 */
	public String graphName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Look up a result by its Graph name, ignoring case.
	 * @param name for example {@code failure}
	 * @return the result, or empty for an unknown name
	 */
	public static Optional<AuditResult> fromGraphName(String name) {
		return switch (name.strip().toLowerCase(Locale.ROOT)) {
			case "success" -> Optional.of(SUCCESS);
			case "failure" -> Optional.of(FAILURE);
			default -> Optional.empty();
		};
	}

}
