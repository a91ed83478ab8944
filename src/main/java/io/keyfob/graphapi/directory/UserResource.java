package io.keyfob.graphapi.directory;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keyfob.directory.User;
import org.jspecify.annotations.Nullable;

/**
 * Graph's {@code user}, with the properties Keyfob keeps. Never a password.
 *
 * @param context {@code @odata.context} of a single user response
 * @param type {@code @odata.type}, in mixed collections such as members
 * @param id the object id
 * @param userPrincipalName the sign-in name
 * @param displayName the display name
 * @param accountEnabled whether the user may sign in
 * @param createdDateTime when the user was created
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UserResource(@JsonProperty("@odata.context") @Nullable String context,
		@JsonProperty("@odata.type") @Nullable String type, String id, String userPrincipalName, String displayName,
		boolean accountEnabled, Instant createdDateTime) {

	static final String TYPE = "#microsoft.graph.user";

	static UserResource entity(User user) {
		return new UserResource(OData.context("users/$entity"), null, user.id().toString(), user.userPrincipalName(),
				user.displayName(), user.accountEnabled(), user.createdDateTime());
	}

	static UserResource item(User user) {
		return new UserResource(null, null, user.id().toString(), user.userPrincipalName(), user.displayName(),
				user.accountEnabled(), user.createdDateTime());
	}

	static UserResource member(User user) {
		return new UserResource(null, TYPE, user.id().toString(), user.userPrincipalName(), user.displayName(),
				user.accountEnabled(), user.createdDateTime());
	}

}
