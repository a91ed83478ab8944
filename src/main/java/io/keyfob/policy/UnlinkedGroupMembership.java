package io.keyfob.policy;

import java.util.Collection;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Stands in for the directory's group API until the directory module is linked: no group
 * exists and nobody is a member of one, so only the all-users target applies. Replace it
 * with an adapter over {@code io.keyfob.directory.Directory} ({@code findGroup},
 * {@code isMemberOfAny}).
 */
@Component
class UnlinkedGroupMembership implements GroupMembership {

	@Override
	public boolean groupExists(UUID groupId) {
		return false;
	}

	@Override
	public boolean isMemberOfAny(UUID userId, Collection<UUID> groupIds) {
		return false;
	}

}
