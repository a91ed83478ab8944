package io.keyfob.graphapi;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What the Graph adapter needs to know about users: whether one exists and the display
 * names of many at once (one query per page of devices, never one per device).
 */
public interface UserLookup {

	/**
	 * Whether a user exists.
	 * @param userId the user
	 * @return {@code true} if it exists
	 */
	boolean userExists(UUID userId);

	/**
	 * The display names of users.
	 * @param userIds the users
	 * @return the display name of each user that exists, by id
	 */
	Map<UUID, String> displayNames(Collection<UUID> userIds);

}
