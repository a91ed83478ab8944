package io.keyfob.radius;

import java.util.Optional;
import java.util.UUID;

import io.keyfob.authmethod.UserReference;
import io.keyfob.directory.Directory;
import io.keyfob.directory.PasswordCheck;
import io.keyfob.radius.RadiusCodec.AccessRequest;
import io.keyfob.radius.RadiusCodec.Answer;
import io.keyfob.radius.RadiusEvents.AccessRejected;
import io.keyfob.radius.RadiusEvents.ChallengeSent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Answers an authenticated Access-Request by its client's mode: password and code in one
 * {@code User-Password}, the code alone, or the password and then the code after an
 * Access-Challenge. Every request leaves one sign-in log entry: the code check's, or a
 * {@link RadiusEvents} event's when no code was checked.
 */
@Component
final class AccessRequests {

	static final String ASK_FOR_CODE = "Enter the code shown on your hardware token";

	private final Directory directory;

	private final CodeCheck codes;

	private final ChallengeStates states;

	private final ApplicationEventPublisher events;

	AccessRequests(Directory directory, CodeCheck codes, ChallengeStates states, ApplicationEventPublisher events) {
		this.directory = directory;
		this.codes = codes;
		this.states = states;
		this.events = events;
	}

	/**
	 * Answer one request.
	 * @param nas the client, whose secret authenticated the request
	 * @param source the client's address
	 * @param request the request's attributes; User-Name is present
	 * @return the answer
	 */
	Answer answer(Nas nas, String source, AccessRequest request) {
		String userName = (request.userName() != null) ? request.userName() : "";
		if (request.password() == null) {
			return refused(nas, source, userName, null,
					"No User-Password: Keyfob takes PAP only (not CHAP, MS-CHAP or EAP)", false);
		}
		String principalName = nas.client().principalName(userName);
		return switch (nas.client().mode()) {
			case CODE_ONLY -> code(nas, source, UserReference.principalName(principalName), request.password());
			case PASSWORD_AND_CODE -> passwordAndCode(nas, source, userName, principalName, request.password());
			case CHALLENGE -> (request.state() != null)
					? secondStep(nas, source, userName, principalName, request.password(), request.state())
					: firstStep(nas, source, userName, principalName, request.password());
		};
	}

	private Answer passwordAndCode(Nas nas, String source, String userName, String principalName, String typed) {
		int digits = this.codes.user(principalName).map(this.codes::digits).orElse(6);
		if (typed.length() <= digits) {
			return refused(nas, source, userName, null, "User-Password is too short to hold a password and a code",
					false);
		}
		String password = typed.substring(0, typed.length() - digits);
		String code = typed.substring(typed.length() - digits);
		PasswordCheck check = this.directory.checkPassword(principalName, password);
		if (check instanceof PasswordCheck.Accepted accepted) {
			return code(nas, source, UserReference.id(accepted.user().id()), code);
		}
		return passwordRefused(nas, source, userName, check);
	}

	private Answer firstStep(Nas nas, String source, String userName, String principalName, String password) {
		PasswordCheck check = this.directory.checkPassword(principalName, password);
		if (check instanceof PasswordCheck.Accepted accepted) {
			byte[] state = this.states.start(nas, accepted.user().id());
			this.events
				.publishEvent(new ChallengeSent(userName, accepted.user().id(), nas.client().displayName(), source));
			return Answer.challenge(state, ASK_FOR_CODE);
		}
		return passwordRefused(nas, source, userName, check);
	}

	private Answer secondStep(Nas nas, String source, String userName, String principalName, String code,
			byte[] state) {
		Optional<UUID> challenged = this.states.take(nas, state);
		if (challenged.isEmpty()) {
			return refused(nas, source, userName, null, "Unknown, used or expired State: sign in again", false);
		}
		if (!challenged.equals(this.codes.user(principalName))) {
			return refused(nas, source, userName, challenged.get(), "The State was given to another user", false);
		}
		return code(nas, source, UserReference.id(challenged.get()), code);
	}

	private Answer code(Nas nas, String source, UserReference user, String code) {
		return (this.codes.check(user, code, nas, source) == CodeCheck.Outcome.ACCEPTED) ? Answer.accept()
				: Answer.reject();
	}

	private Answer passwordRefused(Nas nas, String source, String userName, PasswordCheck check) {
		boolean throttled = check instanceof PasswordCheck.Throttled;
		return refused(nas, source, userName, null,
				throttled ? "Too many failed sign-ins for this name: the password was not checked"
						: "Wrong user name or password, or the account may not sign in",
				throttled);
	}

	private Answer refused(Nas nas, String source, String userName, @Nullable UUID userId, String reason,
			boolean throttled) {
		this.events
			.publishEvent(new AccessRejected(userName, userId, nas.client().displayName(), source, reason, throttled));
		return Answer.reject();
	}

}
