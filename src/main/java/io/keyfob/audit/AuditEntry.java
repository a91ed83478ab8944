package io.keyfob.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit or sign-in log, as readers see it. Holds no secret and no code.
 *
 * @param id the entry id
 * @param sequence the position in the hash chain, or {@code null} while the entry waits
 * to be chained (a second or so)
 * @param kind change or sign-in
 * @param activityDateTime when it happened
 * @param category the Graph category, for example {@code UserManagement}
 * @param activity what happened, for example {@code Assign hardware OATH token}
 * @param operationType Graph's operation type: {@code Add}, {@code Update},
 * {@code Delete}, {@code Assign}, {@code Unassign} or {@code Other}
 * @param result success or failure
 * @param resultReason why it failed, or a note on success; {@code null} when there is
 * nothing to say
 * @param errorCode sign-ins: Entra's error code, 0 for success; changes: 0
 * @param correlationId the id of the request that did it, if any
 * @param loggedByService the part of Keyfob that logged it
 * @param initiatedBy who did it
 * @param appId the OAuth2 client the request came through, if any
 * @param ipAddress the address the request came from, if any
 * @param userId sign-ins: the user who signed in or tried to, if known
 * @param userPrincipalName sign-ins: the name given at sign-in
 * @param authenticationMethod sign-ins: how, for example {@code Hardware OATH token}
 * @param targets what the action acted on
 * @param details further facts
 */
public record AuditEntry(UUID id, @Nullable Long sequence, AuditKind kind, Instant activityDateTime, String category,
		String activity, String operationType, AuditResult result, @Nullable String resultReason, int errorCode,
		@Nullable String correlationId, String loggedByService, AuditActor initiatedBy, @Nullable String appId,
		@Nullable String ipAddress, @Nullable UUID userId, @Nullable String userPrincipalName,
		@Nullable String authenticationMethod, List<AuditTarget> targets, List<AuditDetail> details) {

	public AuditEntry {
		targets = List.copyOf(targets);
		details = List.copyOf(details);
	}

	/**
	 * The same entry at a position of the chain.
	 * @param newSequence the position
	 * @return the entry
	 */
	public AuditEntry withSequence(long newSequence) {
		return new AuditEntry(this.id, newSequence, this.kind, this.activityDateTime, this.category, this.activity,
				this.operationType, this.result, this.resultReason, this.errorCode, this.correlationId,
				this.loggedByService, this.initiatedBy, this.appId, this.ipAddress, this.userId, this.userPrincipalName,
				this.authenticationMethod, this.targets, this.details);
	}

}
