package io.keyfob.accesspass;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A user's Temporary Access Pass as Graph lists it ({@code temporaryAccessPassMethod}):
 * everything but the pass, which is shown once, when it is created.
 *
 * @param id the method id
 * @param userId the user
 * @param createdDateTime when it was created
 * @param startDateTime from when it may be used
 * @param lifetimeInMinutes for how long from then
 * @param isUsableOnce whether the first sign-in uses it up
 * @param usedDateTime when a one-time pass was used, or {@code null}
 * @param methodUsabilityReason why it is or is not usable now
 */
public record TemporaryAccessPassMethod(UUID id, UUID userId, Instant createdDateTime, Instant startDateTime,
		int lifetimeInMinutes, boolean isUsableOnce, @Nullable Instant usedDateTime,
		MethodUsabilityReason methodUsabilityReason) {

	/**
	 * Whether a sign-in with the pass would be accepted now.
	 * @return {@code true} if the reason is
	 * {@link MethodUsabilityReason#ENABLED_BY_POLICY}
	 */
	public boolean isUsable() {
		return this.methodUsabilityReason == MethodUsabilityReason.ENABLED_BY_POLICY;
	}

	/**
	 * When the pass stops working.
	 * @return the start plus the lifetime
	 */
	public Instant endDateTime() {
		return this.startDateTime.plusSeconds(60L * this.lifetimeInMinutes);
	}

	/**
	 * Graph's {@code methodUsabilityReason}.
	 */
	public enum MethodUsabilityReason {

		ENABLED_BY_POLICY("EnabledByPolicy"), DISABLED_BY_POLICY("DisabledByPolicy"), EXPIRED("Expired"),
		NOT_YET_VALID("NotYetValid"), ONE_TIME_USED("OneTimeUsed");

		private final String graphName;

		MethodUsabilityReason(String graphName) {
			this.graphName = graphName;
		}

		public String graphName() {
			return this.graphName;
		}

	}

}
