package io.keyfob.token;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Why, by whom and when a token was blocked.
 *
 * @param reason why
 * @param blockedByUserId the user who blocked it (an admin, or the holder reporting it
 * lost), or {@code null} when an application did
 * @param blockedByAppId the application (OAuth2 client id) the request came through, or
 * {@code null} for the pages
 * @param blockedDateTime when
 */
public record TokenBlock(BlockReason reason, @Nullable UUID blockedByUserId, @Nullable String blockedByAppId,
		Instant blockedDateTime) {

	public TokenBlock {
		Objects.requireNonNull(reason, "reason must not be null");
		Objects.requireNonNull(blockedDateTime, "blockedDateTime must not be null");
	}

}
