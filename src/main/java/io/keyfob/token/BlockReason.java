package io.keyfob.token;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a token was blocked (Keyfob extension {@code blockReason} on the device). A blocked
 * token is out of circulation: nobody can claim, assign, activate or use it until a
 * policy administrator unblocks it.
 */
public enum BlockReason {

	/** The holder lost it; it may turn up again. */
	LOST("lost"),

	/** Someone took it: a finder must never be able to use it. */
	STOLEN("stolen"),

	/** It no longer shows codes, or shows wrong ones. */
	BROKEN("broken"),

	/** Taken out of service on purpose, for example at the end of its battery. */
	RETIRED("retired");

	private final String graphName;

	BlockReason(String graphName) {
		this.graphName = graphName;
	}

	public String graphName() {
		return this.graphName;
	}

	/**
	 * Look up a reason by its wire name, ignoring case.
	 * @param graphName for example {@code stolen}
	 * @return the reason, or empty when no reason has that name
	 */
	public static Optional<BlockReason> fromGraphName(String graphName) {
		String wanted = graphName.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((r) -> r.graphName.equals(wanted)).findFirst();
	}

}
