package io.keyfob.audit;

import java.util.Optional;
import java.util.UUID;

import io.keyfob.authmethod.MethodEvents.MethodLockedOut;
import io.keyfob.authmethod.MethodEvents.OtpRejected;
import io.keyfob.authmethod.MethodEvents.OtpVerified;
import io.keyfob.authmethod.MethodEvents.Reason;
import io.keyfob.authmethod.MethodEvents.SignInFailed;
import io.keyfob.authmethod.MethodEvents.SignInSucceeded;
import io.keyfob.authmethod.MethodEvents.TemporaryAccessPassPresented;
import io.keyfob.authmethod.VerificationContext;
import io.keyfob.authmethod.VerificationContext.Channel;
import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.shared.ApplicationNames;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Logs every sign-in and verification attempt in the sign-in log: the password step of a
 * web sign-in (from Spring Security's authentication events), the code step, and codes
 * sent to the verify API or RADIUS, and Temporary Access Passes wherever they are
 * presented. One attempt, one entry: an attempt that locks a method is logged once, as a
 * failure that says so. Error codes follow Entra's where one fits. Never the code, the
 * pass or the password.
 * <p>
 * Synchronous {@link EventListener}s, in the attempt's transaction, rather than
 * {@code @ApplicationModuleListener}s: this is the verify path, and the synchronous
 * insert is the cheaper of the two. An asynchronous listener would still write its
 * publication row in the same transaction (the JDBC event publication registry), then
 * mark it completed and insert the entry on another thread: more writes per attempt, not
 * fewer. The module commits failed attempts (it counts them), so their entries commit
 * too.
 */
@Component
class SignInAuditing {

	static final String HARDWARE_OATH = "Hardware OATH token";

	static final String PASSWORD = "Password";

	static final String PASS = "Temporary Access Pass";

	static final int WRONG_CODE = 500121;

	static final int LOCKED = 50053;

	static final int NO_METHOD = 50072;

	static final int WRONG_PASSWORD = 50126;

	// Entra's "the Temporary Access Pass is not valid"
	static final int WRONG_PASS = 130502;

	private final AuditRecorder recorder;

	private final Directory directory;

	private final ApplicationNames applicationNames;

	SignInAuditing(AuditRecorder recorder, Directory directory, ApplicationNames applicationNames) {
		this.recorder = recorder;
		this.directory = directory;
		this.applicationNames = applicationNames;
	}

	@EventListener
	void on(OtpVerified event) {
		this.recorder.record(code(event.userId(), event.tokenId(), event.context()).build());
	}

	@EventListener
	void on(OtpRejected event) {
		this.recorder.record(code(event.userId(), event.tokenId(), event.context())
			.failure(describe(event.reason()), errorCode(event.reason()))
			.build());
	}

	@EventListener
	void on(SignInSucceeded event) {
		this.recorder.record(code(event.userId(), event.tokenId(), event.context()).build());
	}

	@EventListener
	void on(SignInFailed event) {
		this.recorder.record(code(event.userId(), event.tokenId(), event.context())
			.failure(describe(event.reason()), errorCode(event.reason()))
			.build());
	}

	@EventListener
	void on(TemporaryAccessPassPresented event) {
		Channel channel = event.context().channel();
		AuditRecord.Builder entry = entry(
				(channel == Channel.RADIUS) ? RadiusAuditing.ACTIVITY
						: (channel == Channel.SIGN_IN) ? "Sign in with Temporary Access Pass"
								: "Verify Temporary Access Pass",
				PASS, event.userId(), event.userPrincipalName(), event.context());
		Reason reason = event.reason();
		if (reason != null) {
			entry.failure(switch (reason) {
				case LOCKED -> "Too many wrong passes or codes: the method is locked";
				case REPLAYED -> "The one-time pass is right but used up, by an earlier or a parallel attempt: "
						+ "refused, not counted as a wrong pass";
				default -> "Wrong user name or pass, the pass is used up, expired or not yet valid, "
						+ "or the account may not sign in";
			}, (reason == Reason.LOCKED) ? LOCKED : WRONG_PASS);
		}
		this.recorder.record(entry.build());
	}

	@EventListener
	void on(MethodLockedOut event) {
		String reason = "Locked after " + event.failures() + " wrong codes, until "
				+ ((event.lockedUntil() != null) ? event.lockedUntil() : "an administrator unlocks it");
		if (event.context() == null) {
			this.recorder
				.record(MethodAuditing.method("Lock hardware OATH token", "Update", event.userId(), event.tokenId())
					.failure(reason, LOCKED)
					.build());
			return;
		}
		this.recorder.record(code(event.userId(), event.tokenId(), event.context()).failure(reason, LOCKED).build());
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken password
				&& password.getPrincipal() instanceof UserDetails principal) {
			UUID userId = parse(principal.getUsername());
			String upn = (userId != null) ? this.directory.findUser(userId).map(User::userPrincipalName).orElse(null)
					: null;
			this.recorder.record(AuditRecord.signIn("Sign in with password")
				.method(PASSWORD)
				.user(userId, upn)
				.actor(AuditActor.user((userId != null) ? userId.toString() : null, upn))
				.build());
		}
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt) {
			String name = attempt.getName();
			boolean throttled = event instanceof AuthenticationFailureLockedEvent;
			this.recorder.record(AuditRecord.signIn("Sign in with password")
				.method(PASSWORD)
				.user(null, name)
				.actor(AuditActor.user(null, name))
				.failure(
						throttled ? "Too many failed sign-ins for this name: the password was not checked"
								: "Wrong user name or password, or the account may not sign in",
						throttled ? LOCKED : WRONG_PASSWORD)
				.build());
		}
	}

	private AuditRecord.Builder code(@Nullable UUID userId, @Nullable UUID tokenId, VerificationContext context) {
		Channel channel = context.channel();
		AuditRecord.Builder builder = entry(
				(channel == Channel.RADIUS) ? RadiusAuditing.ACTIVITY : (channel == Channel.SIGN_IN)
						? "Sign in with hardware OATH code" : "Verify hardware OATH code",
				HARDWARE_OATH, userId, null, context);
		if (tokenId != null) {
			builder.target(tokenId, AuditTarget.DEVICE, null);
		}
		return builder;
	}

	/**
	 * An entry for a code or a pass: the user, and the channel's client and actor (the
	 * user on the sign-in page and over RADIUS, the application on the verify API).
	 * @param name the name given, for an entry whose name matched no user
	 */
	private AuditRecord.Builder entry(String activity, String method, @Nullable UUID userId, @Nullable String name,
			VerificationContext context) {
		String upn = Optional.ofNullable(userId)
			.flatMap(this.directory::findUser)
			.map(User::userPrincipalName)
			.orElse(name);
		boolean signIn = context.channel() == Channel.SIGN_IN;
		boolean radius = context.channel() == Channel.RADIUS;
		AuditRecord.Builder builder = AuditRecord.signIn(activity)
			.method(method)
			.user(userId, upn)
			.client(context.clientId(), context.sourceAddress())
			.actor((signIn || radius) ? AuditActor.user((userId != null) ? userId.toString() : null, upn)
					: AuditActor.app(context.clientId(), this.applicationNames.displayName(context.clientId())));
		if (radius) {
			RadiusAuditing.nas(builder, context.clientId(), context.sourceAddress());
		}
		return builder;
	}

	/**
	 * Why a code was refused, for a person reading the log.
	 * @param reason the reason
	 * @return the text
	 */
	static String describe(Reason reason) {
		return switch (reason) {
			case WRONG -> "The code is wrong";
			case REPLAYED -> "The code was already used";
			case LOCKED -> "The method is locked after too many wrong codes";
			case NO_METHOD -> "No activated hardware OATH method that the policy allows, or no such user";
			case EXPIRED -> "The token is expired or not yet valid (validFrom, validUntil)";
			case ADDITIONAL_CODE_REQUIRED -> "The code matched far from the token's clock: the next code is needed";
		};
	}

	private static int errorCode(Reason reason) {
		return switch (reason) {
			case LOCKED -> LOCKED;
			case NO_METHOD -> NO_METHOD;
			default -> WRONG_CODE;
		};
	}

	private static @Nullable UUID parse(String name) {
		try {
			return UUID.fromString(name);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
