package io.keyfob.radius;

import java.util.Optional;
import java.util.UUID;

import io.keyfob.authmethod.CodeOutcome;
import io.keyfob.authmethod.CodeVerification;
import io.keyfob.authmethod.HardwareOathMethod;
import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.authmethod.UserReference;
import io.keyfob.authmethod.VerificationContext;

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

	private final HardwareOathMethods methods;

	private final CodeVerification verification;

	CodeCheck(HardwareOathMethods methods, CodeVerification verification) {
		this.methods = methods;
		this.verification = verification;
	}

	/**
	 * The enabled user a name stands for.
	 * @param principalName the user principal name
	 * @return the user's id, or empty
	 */
	Optional<UUID> user(String principalName) {
		return this.methods.signInUser(UserReference.principalName(principalName));
	}

	/**
	 * Check a code through the verification pipeline.
	 * @param user the user by id, or by the name the NAS sent (an unknown name gets the
	 * same work and answers as a wrong code)
	 * @param code the code as typed
	 * @param nas the client that asked
	 * @param source the client's address
	 * @return the outcome
	 */
	Outcome check(UserReference user, String code, Nas nas, String source) {
		VerificationContext context = new VerificationContext(VerificationContext.Channel.RADIUS,
				nas.client().displayName(), source);
		// a Temporary Access Pass in place of the code only where the pass policy allows
		// it
		return this.verification.verify(user, code, context).match(OUTCOMES);
	}

	private static final CodeOutcome.Cases<Outcome> OUTCOMES = new CodeOutcome.Cases<>() {

		@Override
		public Outcome accepted(CodeOutcome.Accepted accepted) {
			return Outcome.ACCEPTED;
		}

		@Override
		public Outcome rejected(CodeOutcome.Rejected rejected) {
			return Outcome.REJECTED;
		}

		@Override
		public Outcome locked(CodeOutcome.Locked locked) {
			return Outcome.LOCKED;
		}

		@Override
		public Outcome lockedUntilAdmin(CodeOutcome.LockedUntilAdmin locked) {
			return Outcome.LOCKED;
		}

		@Override
		public Outcome additionalCodeRequired(CodeOutcome.AdditionalCodeRequired additional) {
			return Outcome.REJECTED;
		}

	};

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
