package io.keyfob.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * A directory role held by a user, tenant-wide.
 *
 * @param id the assignment's id
 * @param principalId the user who holds the role
 * @param role the role
 * @param directoryScopeId always {@code /}: Keyfob has no administrative units
 * @param createdDateTime when the role was assigned
 */
public record RoleAssignment(UUID id, UUID principalId, DirectoryRole role, String directoryScopeId,
		Instant createdDateTime) {

	/** The only scope: the whole directory. */
	public static final String DIRECTORY_SCOPE = "/";

}
