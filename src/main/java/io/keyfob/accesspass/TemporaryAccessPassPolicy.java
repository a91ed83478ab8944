package io.keyfob.accesspass;

import java.util.List;
import java.util.Objects;

import io.keyfob.policy.AuthenticationMethodState;

/**
 * The Temporary Access Pass policy (Graph:
 * {@code temporaryAccessPassAuthenticationMethodConfiguration}).
 *
 * @param state enabled or disabled
 * @param includeTargets {@value #ALL_USERS} or group ids of the users who may get a pass
 * @param excludeTargets group ids of users who may not, even when included
 * @param defaultLifetimeInMinutes the lifetime of a pass created without one
 * @param minimumLifetimeInMinutes the shortest lifetime allowed, at least 10
 * @param maximumLifetimeInMinutes the longest lifetime allowed, at most 43,200 (30 days)
 * @param defaultLength the number of characters of a pass, 8 to 48
 * @param isUsableOnce whether every pass is one-time (a creator cannot ask for more)
 * @param usableForVerify Keyfob's own: whether the verify API and RADIUS accept a pass in
 * place of a code (off by default: a pass is for signing in to register a new method)
 */
public record TemporaryAccessPassPolicy(AuthenticationMethodState state, List<String> includeTargets,
		List<String> excludeTargets, int defaultLifetimeInMinutes, int minimumLifetimeInMinutes,
		int maximumLifetimeInMinutes, int defaultLength, boolean isUsableOnce, boolean usableForVerify) {

	/** The policy id in Graph paths and bodies. */
	public static final String ID = "TemporaryAccessPass";

	/** The include target that stands for every user. */
	public static final String ALL_USERS = "all_users";

	/** Entra's bounds of a pass lifetime, in minutes. */
	public static final int LIFETIME_FLOOR = 10;

	public static final int LIFETIME_CEILING = 43_200;

	/** Entra's bounds of a pass length. */
	public static final int LENGTH_FLOOR = 8;

	public static final int LENGTH_CEILING = 48;

	public TemporaryAccessPassPolicy {
		Objects.requireNonNull(state, "state must not be null");
		includeTargets = List.copyOf(includeTargets);
		excludeTargets = List.copyOf(excludeTargets);
		check("minimumLifetimeInMinutes", minimumLifetimeInMinutes, LIFETIME_FLOOR, LIFETIME_CEILING);
		check("maximumLifetimeInMinutes", maximumLifetimeInMinutes, minimumLifetimeInMinutes, LIFETIME_CEILING);
		check("defaultLifetimeInMinutes", defaultLifetimeInMinutes, minimumLifetimeInMinutes, maximumLifetimeInMinutes);
		check("defaultLength", defaultLength, LENGTH_FLOOR, LENGTH_CEILING);
	}

	private static void check(String property, int value, int min, int max) {
		if (value < min || value > max) {
			throw AccessPassException.invalid(property,
					"must be from " + min + " to " + max + ", but is " + value + ".");
		}
	}

}
