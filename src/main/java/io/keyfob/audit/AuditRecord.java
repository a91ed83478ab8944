package io.keyfob.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a listener wants logged about one event; the recorder adds the time, the actor,
 * the client, the source address and the request id.
 *
 * @param kind change or sign-in
 * @param category the Graph category
 * @param activity what happened, for a person
 * @param operationType Graph's operation type
 * @param result success or failure
 * @param resultReason why it failed, if it did
 * @param errorCode sign-ins: Entra-style error code, 0 for success
 * @param loggedByService the part of Keyfob that logs it
 * @param actor who acted, when the event knows better than the request (for example the
 * user signing in); {@code null} to take it from the request
 * @param userId sign-ins: the user
 * @param userPrincipalName sign-ins: the name given
 * @param authenticationMethod sign-ins: how
 * @param appId the client, when the event knows it; {@code null} to take it from the
 * request
 * @param ipAddress the source address, when the event knows it; {@code null} to take it
 * from the request
 * @param targets what was acted on
 * @param details further facts; never a secret or a code
 */
record AuditRecord(AuditKind kind, String category, String activity, String operationType, AuditResult result,
		@Nullable String resultReason, int errorCode, String loggedByService, @Nullable AuditActor actor,
		@Nullable UUID userId, @Nullable String userPrincipalName, @Nullable String authenticationMethod,
		@Nullable String appId, @Nullable String ipAddress, List<AuditTarget> targets, List<AuditDetail> details) {

	static final String DEVICES = "Hardware OATH Tokens";

	static final String METHODS = "Authentication Methods";

	static final String DIRECTORY = "Core Directory";

	static final String SIGN_IN = "Sign-in";

	static final String KEYFOB = "Keyfob";

	/**
	 * Start a change entry.
	 * @param category the Graph category, for example {@code Device}
	 * @param activity for example {@code Add hardware OATH token}
	 * @param operationType for example {@code Add}
	 * @param loggedByService the logging part of Keyfob
	 * @return a builder
	 */
	static Builder change(String category, String activity, String operationType, String loggedByService) {
		return new Builder(AuditKind.DIRECTORY_AUDIT, category, activity, operationType, loggedByService);
	}

	/**
	 * Start a sign-in entry.
	 * @param activity for example {@code Verify hardware OATH code}
	 * @return a builder
	 */
	static Builder signIn(String activity) {
		return new Builder(AuditKind.SIGN_IN, "SignInLogs", activity, "Other", SIGN_IN);
	}

	/**
	 * Collects an entry's parts.
	 */
	static final class Builder {

		private final AuditKind kind;

		private final String category;

		private final String activity;

		private final String operationType;

		private final String loggedByService;

		private AuditResult result = AuditResult.SUCCESS;

		private @Nullable String resultReason;

		private int errorCode;

		private @Nullable AuditActor actor;

		private @Nullable UUID userId;

		private @Nullable String userPrincipalName;

		private @Nullable String authenticationMethod;

		private @Nullable String appId;

		private @Nullable String ipAddress;

		private final List<AuditTarget> targets = new ArrayList<>();

		private final List<AuditDetail> details = new ArrayList<>();

		private Builder(AuditKind kind, String category, String activity, String operationType,
				String loggedByService) {
			this.kind = kind;
			this.category = category;
			this.activity = activity;
			this.operationType = operationType;
			this.loggedByService = loggedByService;
		}

		Builder failure(String reason, int code) {
			this.result = AuditResult.FAILURE;
			this.resultReason = reason;
			this.errorCode = code;
			return this;
		}

		Builder reason(@Nullable String reason) {
			this.resultReason = reason;
			return this;
		}

		Builder actor(AuditActor value) {
			this.actor = value;
			return this;
		}

		Builder user(@Nullable UUID id, @Nullable String upn) {
			this.userId = id;
			this.userPrincipalName = upn;
			return this;
		}

		Builder method(String value) {
			this.authenticationMethod = value;
			return this;
		}

		Builder client(@Nullable String clientId, @Nullable String sourceAddress) {
			this.appId = clientId;
			this.ipAddress = sourceAddress;
			return this;
		}

		Builder target(String id, String type, @Nullable String displayName) {
			this.targets.add(new AuditTarget(id, type, displayName));
			return this;
		}

		Builder target(UUID id, String type, @Nullable String displayName) {
			return target(id.toString(), type, displayName);
		}

		Builder detail(String key, @Nullable Object value) {
			if (value != null) {
				this.details.add(new AuditDetail(key, value.toString()));
			}
			return this;
		}

		AuditRecord build() {
			return new AuditRecord(this.kind, this.category, this.activity, this.operationType, this.result,
					this.resultReason, this.errorCode, this.loggedByService, this.actor, this.userId,
					this.userPrincipalName, this.authenticationMethod, this.appId, this.ipAddress, this.targets,
					this.details);
		}

	}

}
