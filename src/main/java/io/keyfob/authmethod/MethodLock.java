package io.keyfob.authmethod;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How close a method is to being locked, for admins and the inventory's
 * {@code lockedUntil} extension.
 *
 * @param failures consecutive failed codes since the last success or admin unlock
 * @param lockedUntil until when codes are refused, or {@code null}; for a method only an
 * administrator can unlock, {@link #ADMIN_UNLOCK_SHOWN}, the value the API documents
 * @param requiresAdminUnlock whether only an administrator can unlock the method
 */
public record MethodLock(int failures, @Nullable Instant lockedUntil, boolean requiresAdminUnlock) {

	/**
	 * The {@code lockedUntil} shown (Graph, pages) for a method that only an
	 * administrator can unlock. Shown, never decoded: {@link #requiresAdminUnlock()} says
	 * it.
	 */
	static final Instant ADMIN_UNLOCK_SHOWN = Instant.parse("9999-12-31T23:59:59Z");

	/** No failures, no lock. */
	public static final MethodLock NONE = new MethodLock(0, null, false);

	static MethodLock untilAdmin(int failures) {
		return new MethodLock(failures, ADMIN_UNLOCK_SHOWN, true);
	}

	/**
	 * Whether codes were refused when this view was made: the one answer pages show, so
	 * none of them reads the lock's time to decide it.
	 * @return whether the method was locked, for a while or until an admin unlocks it
	 */
	public boolean locked() {
		return this.requiresAdminUnlock || this.lockedUntil != null;
	}

	/**
	 * Whether codes are refused at a given time.
	 * @param now the time
	 * @return whether the method is locked then
	 */
	public boolean isLockedAt(Instant now) {
		return this.requiresAdminUnlock || (this.lockedUntil != null && now.isBefore(this.lockedUntil));
	}

}
