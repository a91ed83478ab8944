package io.keyfob.audit;

import io.keyfob.radius.RadiusEvents.AccessRejected;
import io.keyfob.radius.RadiusEvents.ChallengeSent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs the RADIUS requests that end before a code is checked (a wrong password, a
 * challenge sent, a State refused) in the sign-in log; requests whose code is checked are
 * logged by {@link SignInAuditing} with the {@code RADIUS} channel. Either way one entry
 * per request, with the NAS's name and address. Synchronous, like {@link SignInAuditing}:
 * the entry is written before the NAS gets its answer.
 */
@Component
class RadiusAuditing {

	static final String ACTIVITY = "Sign in over RADIUS";

	private final AuditRecorder recorder;

	RadiusAuditing(AuditRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void on(AccessRejected event) {
		AuditRecord.Builder builder = AuditRecord.signIn(ACTIVITY)
			.method(SignInAuditing.PASSWORD)
			.user(event.userId(), event.userName())
			.client(event.nasName(), event.nasAddress())
			.actor(AuditActor.user((event.userId() != null) ? event.userId().toString() : null, event.userName()))
			.failure(event.reason(), event.throttled() ? SignInAuditing.LOCKED : SignInAuditing.WRONG_PASSWORD);
		this.recorder.record(nas(builder, event.nasName(), event.nasAddress()).build());
	}

	@EventListener
	void on(ChallengeSent event) {
		AuditRecord.Builder builder = AuditRecord.signIn(ACTIVITY)
			.method(SignInAuditing.PASSWORD)
			.user(event.userId(), event.userName())
			.client(event.nasName(), event.nasAddress())
			.actor(AuditActor.user(event.userId().toString(), event.userName()))
			.reason("Password right: Access-Challenge sent for the code");
		this.recorder.record(nas(builder, event.nasName(), event.nasAddress()).build());
	}

	static AuditRecord.Builder nas(AuditRecord.Builder builder, @Nullable String name, @Nullable String address) {
		return builder.detail("clientAppUsed", "RADIUS").detail("nasName", name).detail("nasAddress", address);
	}

}
