package io.keyfob.graphapi.directory;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keyfob.directory.Group;
import org.jspecify.annotations.Nullable;

/**
 * Graph's {@code group}, with the properties Keyfob keeps.
 *
 * @param context {@code @odata.context} of a single group response
 * @param id the object id
 * @param displayName the name
 * @param description what it is for
 * @param createdDateTime when it was created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GroupResource(@JsonProperty("@odata.context") @Nullable String context, String id, String displayName,
		@Nullable String description, Instant createdDateTime) {

	static GroupResource entity(Group group) {
		return new GroupResource(OData.context("groups/$entity"), group.id().toString(), group.displayName(),
				group.description(), group.createdDateTime());
	}

	static GroupResource item(Group group) {
		return new GroupResource(null, group.id().toString(), group.displayName(), group.description(),
				group.createdDateTime());
	}

}
