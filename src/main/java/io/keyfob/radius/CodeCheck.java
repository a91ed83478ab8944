package io.keyfob.radius;

import java.util.Optional;
import java.util.UUID;

import io.keyfob.authmethod.HardwareOathMethod;
import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.authmethod.Verification;
import io.keyfob.authmethod.VerificationContext;
import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The one place where the RADIUS server meets the verification rules of
 * {@code authmethod}: policy targeting, replay guard, drift, and the lockout shared with
 * web sign-in and the verify API. Each check is logged in the sign-in log by those rules
 * (channel {@code RADIUS}, the NAS's name and address). An unknown user gets the answer
 * of a wrong code after the same work.
 */
@Component
final class CodeCheck {

	private static final int DEFAULT_DIGITS = 6;

	private final Directory directory;

	private final HardwareOathMethods methods;

	CodeCheck(Directory directory, HardwareOathMethods methods) {
		this.directory = directory;
		this.methods = methods;
	}

	/**
	 * The enabled user a name stands for.
	 * @param principalName the user principal name
	 * @return the user's id, or empty
	 */
	Optional<UUID> user(String principalName) {
		return this.directory.findUserByPrincipalName(principalName).filter(User::accountEnabled).map(User::id);
	}

	/**
	 * Check a code.
	 * @param userId the user, or {@code null} for a name that matches nobody
	 * @param code the code as typed
	 * @param nas the client that asked
	 * @param source the client's address
	 * @return the outcome
	 */
	Outcome check(@Nullable UUID userId, String code, Nas nas, String source) {
		VerificationContext context = new VerificationContext(VerificationContext.Channel.RADIUS,
				nas.client().displayName(), source);
		Verification verification = (userId != null) ? this.methods.verify(userId, code, context)
				: this.methods.verifyUnknownUser(code, context);
		return switch (verification.outcome()) {
			case ACCEPTED -> Outcome.ACCEPTED;
			case REJECTED -> Outcome.REJECTED;
			case LOCKED -> Outcome.LOCKED;
		};
	}

	/**
	 * How many digits the code at the end of a password-and-code {@code User-Password}
	 * has: those of the user's first activated token, else 6.
	 * @param userId the user
	 * @return 6 or 8
	 */
	int digits(UUID userId) {
		return this.methods.list(userId)
			.stream()
			.filter(HardwareOathMethod::isActivated)
			.map((method) -> method.device().digits())
			.findFirst()
			.orElse(DEFAULT_DIGITS);
	}

	/**
	 * What became of a code.
	 */
	enum Outcome {

		ACCEPTED, REJECTED, LOCKED

	}

}
