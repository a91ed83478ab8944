package io.keyfob.audit;

import java.time.Instant;
import java.util.UUID;

import io.keyfob.shared.filter.Filter;
import io.keyfob.shared.filter.FilterSchema;
import io.keyfob.shared.filter.FilterSchema.Field;
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
 * @param filter only entries that match this {@code $filter} (see {@link #schema})
 * @param after continue after this position
 * @param limit at most this many entries, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(AuditKind kind, @Nullable Instant from, @Nullable Instant to, @Nullable String initiatorId,
		@Nullable String targetId, @Nullable AuditResult result, @Nullable UUID userId,
		@Nullable String userPrincipalName, @Nullable String appId, @Nullable String correlationId,
		@Nullable Filter filter, @Nullable AuditCursor after, int limit) {

	// filter properties, as Graph names them

	public static final String ACTIVITY_DATE_TIME = "activityDateTime";

	public static final String CREATED_DATE_TIME = "createdDateTime";

	public static final String INITIATED_BY_USER = "initiatedBy/user/id";

	public static final String INITIATED_BY_APP = "initiatedBy/app/appId";

	public static final String RESULT = "result";

	public static final String STATUS_ERROR_CODE = "status/errorCode";

	public static final String USER_ID = "userId";

	public static final String USER_PRINCIPAL_NAME = "userPrincipalName";

	public static final String APP_ID = "appId";

	public static final String CORRELATION_ID = "correlationId";

	public static final String TARGET_RESOURCES = "targetResources";

	public static final String TARGET_ID = "id";

	/** The most entries one page may hold. */
	public static final int MAX_LIMIT = 999;

	public AuditQuery {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
	}

	/**
	 * What a client may filter one log on: its time ({@code activityDateTime} or
	 * {@code createdDateTime}), who initiated it, its targets, its result ({@code result}
	 * or {@code status/errorCode}), the user, the client and the request.
	 * @param kind the log
	 * @return the schema
	 */
	public static FilterSchema schema(AuditKind kind) {
		boolean signIn = kind == AuditKind.SIGN_IN;
		Field result = signIn ? Field.integer(STATUS_ERROR_CODE)
				: Field.enumeration(RESULT, AuditResult::fromGraphName, "success", "failure");
		return FilterSchema
			.of(Field.dateTime(signIn ? CREATED_DATE_TIME : ACTIVITY_DATE_TIME), Field.string(INITIATED_BY_USER),
					Field.string(INITIATED_BY_APP), result, Field.guid(USER_ID), Field.string(USER_PRINCIPAL_NAME),
					Field.string(APP_ID), Field.string(CORRELATION_ID))
			.withCollection(TARGET_RESOURCES, FilterSchema.of(Field.string(TARGET_ID)));
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

		private @Nullable Filter filter;

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

		public Builder filter(Filter value) {
			this.filter = value;
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
					this.userId, this.userPrincipalName, this.appId, this.correlationId, this.filter, this.after,
					this.limit);
		}

	}

}
