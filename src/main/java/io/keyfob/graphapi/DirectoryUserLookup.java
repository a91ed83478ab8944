package io.keyfob.graphapi;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import io.keyfob.directory.Directory;

import org.springframework.stereotype.Component;

/**
 * Users as the directory knows them.
 */
@Component
class DirectoryUserLookup implements UserLookup {

	private final Directory directory;

	DirectoryUserLookup(Directory directory) {
		this.directory = directory;
	}

	@Override
	public boolean userExists(UUID userId) {
		return this.directory.findUser(userId).isPresent();
	}

	@Override
	public Map<UUID, String> displayNames(Collection<UUID> userIds) {
		return this.directory.displayNames(userIds);
	}

}
