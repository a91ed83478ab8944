package io.keyfob.audit;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which entries of one log to read: every condition given must hold. Pages run newest
 * first.
 *
 * @param kind which log
 * @param from only entries at or after this time
 * @param to only entries at or before this time
 * @param initiatorId only entries initiated by this user id or client id
 * @param targetId only entries that acted on this object
 * @param result only entries with this result
 * @param userId sign-ins: only this user's
 * @param userPrincipalName sign-ins: only with this name (ignoring case)
 * @param appId only entries that came through this client
 * @param correlationId only entries of this request
 * @param after continue after this position
 * @param limit at most this many entries, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(AuditKind kind, @Nullable Instant from, @Nullable Instant to, @Nullable String initiatorId,
		@Nullable String targetId, @Nullable AuditResult result, @Nullable UUID userId,
		@Nullable String userPrincipalName, @Nullable String appId, @Nullable String correlationId,
		@Nullable AuditCursor after, int limit) {

	/** The most entries one page may hold. */
	public static final int MAX_LIMIT = 999;

	public AuditQuery {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
	}

	/**
	 * Start a query of one log.
	 * @param kind the log
	 * @return a builder with no conditions and a page of 100
	 */
	public static Builder of(AuditKind kind) {
		return new Builder(kind);
	}

	/**
	 * Builds a query condition by condition.
	 */
	public static final class Builder {

		private final AuditKind kind;

		private @Nullable Instant from;

		private @Nullable Instant to;

		private @Nullable String initiatorId;

		private @Nullable String targetId;

		private @Nullable AuditResult result;

		private @Nullable UUID userId;

		private @Nullable String userPrincipalName;

		private @Nullable String appId;

		private @Nullable String correlationId;

		private @Nullable AuditCursor after;

		private int limit = 100;

		private Builder(AuditKind kind) {
			this.kind = kind;
		}

		public Builder from(Instant value) {
			this.from = (this.from == null || value.isAfter(this.from)) ? value : this.from;
			return this;
		}

		public Builder to(Instant value) {
			this.to = (this.to == null || value.isBefore(this.to)) ? value : this.to;
			return this;
		}

		public Builder initiatorId(String value) {
			this.initiatorId = value;
			return this;
		}

		public Builder targetId(String value) {
			this.targetId = value;
			return this;
		}

		public Builder result(AuditResult value) {
			this.result = value;
			return this;
		}

		public Builder userId(UUID value) {
			this.userId = value;
			return this;
		}

		public Builder userPrincipalName(String value) {
			this.userPrincipalName = value;
			return this;
		}

		public Builder appId(String value) {
			this.appId = value;
			return this;
		}

		public Builder correlationId(String value) {
			this.correlationId = value;
			return this;
		}

		public Builder after(@Nullable AuditCursor value) {
			this.after = value;
			return this;
		}

		public Builder limit(int value) {
			this.limit = value;
			return this;
		}

		public AuditQuery build() {
			return new AuditQuery(this.kind, this.from, this.to, this.initiatorId, this.targetId, this.result,
					this.userId, this.userPrincipalName, this.appId, this.correlationId, this.after, this.limit);
		}

	}

}
