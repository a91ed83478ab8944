package io.keyfob.authmethod;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How close a method is to being locked, for admins and the inventory's
 * {@code lockedUntil} extension.
 *
 * @param failures consecutive failed codes since the last success or admin unlock
 * @param lockedUntil until when codes are refused, or {@code null}; {@link #ADMIN_UNLOCK}
 * when only an administrator can unlock it
 */
public record MethodLock(int failures, @Nullable Instant lockedUntil) {

	/**
	 * The {@code lockedUntil} of a method that failed {@code keyfob.lockout.max-failures}
	 * (100) times in a row: it stays locked until an administrator unlocks it.
	 */
	public static final Instant ADMIN_UNLOCK = Instant.parse("9999-12-31T23:59:59Z");

	static final MethodLock NONE = new MethodLock(0, null);

	/**
	 * Whether codes are refused at a given time.
	 * @param now the time
	 * @return whether the method is locked then
	 */
	public boolean isLockedAt(Instant now) {
		return this.lockedUntil != null && now.isBefore(this.lockedUntil);
	}

	/**
	 * Whether only an administrator can unlock the method.
	 * @return whether the lock never expires
	 */
	public boolean requiresAdminUnlock() {
		return ADMIN_UNLOCK.equals(this.lockedUntil);
	}

}
