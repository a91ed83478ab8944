package io.keyfob.authmethod;

import java.time.Instant;

import io.keyfob.shared.ErrorKind;

/**
 * Too many wrong codes: the method takes no code until {@link #retryAt()}.
 */
public final class MethodLockedException extends MethodException {

	private final Instant retryAt;

	MethodLockedException(Instant retryAt) {
		super(ErrorKind.TOO_MANY_REQUESTS, "methodLocked",
				MethodLock.ADMIN_UNLOCK.equals(retryAt)
						? "Too many wrong codes: this token is locked until an administrator unlocks it."
						: "Too many wrong codes: this token is locked until " + retryAt + ". Try again then.");
		this.retryAt = retryAt;
	}

	/**
	 * When the next attempt may be made.
	 * @return the time; {@link MethodLock#ADMIN_UNLOCK} if only an admin can unlock it
	 */
	public Instant retryAt() {
		return this.retryAt;
	}

}
