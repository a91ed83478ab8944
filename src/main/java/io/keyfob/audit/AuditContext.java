package io.keyfob.audit;

import org.jspecify.annotations.Nullable;

/**
 * Who acted, through which client, from where and in which request: read on the thread
 * that published the event, while the request is still there.
 *
 * @param actor who acted
 * @param appId the OAuth2 client of the request, if any
 * @param ipAddress the caller's address, if in a request
 * @param correlationId the request id, if in a request
 */
record AuditContext(AuditActor actor, @Nullable String appId, @Nullable String ipAddress,
		@Nullable String correlationId) {
}
