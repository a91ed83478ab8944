package io.keyfob.graphapi;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Stands in for the directory's user API until the directory module is linked: no user is
 * known, so assigned devices show {@code "displayName": null} and {@code assignTo} is
 * refused. Replace it with an adapter over {@code io.keyfob.directory.Directory}
 * ({@code findUser}, {@code displayNames}).
 */
@Component
class UnlinkedUserLookup implements UserLookup {

	@Override
	public boolean userExists(UUID userId) {
		return false;
	}

	@Override
	public Map<UUID, String> displayNames(Collection<UUID> userIds) {
		return Map.of();
	}

}
