package io.keyfob.accesspass.jdbc;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A row of the pass table.
 *
 * @param id the method id
 * @param userId the user
 * @param passHash the slow hash of the pass
 * @param createdDateTime when it was created
 * @param startDateTime from when it may be used
 * @param lifetimeInMinutes for how long
 * @param isUsableOnce whether the first sign-in uses it up
 * @param usedDateTime when a one-time pass was used
 */
public record StoredPass(UUID id, UUID userId, String passHash, Instant createdDateTime, Instant startDateTime,
		int lifetimeInMinutes, boolean isUsableOnce, @Nullable Instant usedDateTime) {

	@Override
	public String toString() {
		return "StoredPass[id=" + this.id + ", userId=" + this.userId + "]";
	}

}
