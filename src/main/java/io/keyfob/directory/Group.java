package io.keyfob.directory;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A group of users, for example the users a policy targets.
 *
 * @param id the object id
 * @param displayName the group's name; not unique
 * @param description what the group is for
 * @param createdDateTime when it was created
 */
public record Group(UUID id, String displayName, @Nullable String description, Instant createdDateTime) {
}
