package io.keyfob.directory;

import java.time.Instant;
import java.util.UUID;

import io.keyfob.shared.filter.FilterSchema;
import io.keyfob.shared.filter.FilterSchema.Field;
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

	/** What a client may filter groups on. */
	public static final FilterSchema FILTER_SCHEMA = FilterSchema.of(Field.guid("id"),
			Field.string("displayName").withStartsWith());

}
