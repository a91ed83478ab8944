package io.keyfob.token;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The life cycle of a hardware token, named as Graph's {@code hardwareOathTokenStatus}.
 */
public enum TokenStatus {

	/** In the inventory, assigned to nobody. */
	AVAILABLE("available"),

	/** Assigned to a user, not yet proven with a code. */
	ASSIGNED("assigned"),

	/** Assigned and proven with a code: usable for sign-in. */
	ACTIVATED("activated"),

	/**
	 * Assigned; the last activation attempt had a wrong code. Activation may be retried.
	 */
	FAILED_ACTIVATION("failedActivation"),

	/**
	 * Keyfob extension: reported lost, stolen, broken or retired. Held by nobody; cannot
	 * be claimed, assigned, activated or used until a policy administrator unblocks it.
	 */
	BLOCKED("blocked");

	private final String graphName;

	TokenStatus(String graphName) {
		this.graphName = graphName;
	}

	public String graphName() {
		return this.graphName;
	}

	/**
	 * Look up a status by its Graph name, ignoring case.
	 * @param graphName for example {@code failedActivation}
	 * @return the status, or empty when no status has that name
	 */
	public static Optional<TokenStatus> fromGraphName(String graphName) {
		String wanted = graphName.toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((s) -> s.graphName.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
	}

	/**
	 * Whether a token in this status belongs to a user.
	 * @return {@code true} unless available or blocked
	 */
	public boolean isAssigned() {
		return this != AVAILABLE && this != BLOCKED;
	}

}
