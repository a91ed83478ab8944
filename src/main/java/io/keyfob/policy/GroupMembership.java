package io.keyfob.policy;

import java.util.Collection;
import java.util.UUID;

/**
 * What the policy needs to know about groups: that a target group exists and whether a
 * user is a member. The directory answers; each call reads current data, so a change of
 * membership takes effect at once.
 */
public interface GroupMembership {

	/**
	 * Whether a group exists.
	 * @param groupId the group
	 * @return {@code true} if it exists
	 */
	boolean groupExists(UUID groupId);

	/**
	 * Whether a user is a member of at least one of the groups.
	 * @param userId the user
	 * @param groupIds the groups
	 * @return {@code true} if the user is in one of them
	 */
	boolean isMemberOfAny(UUID userId, Collection<UUID> groupIds);

}
