package io.keyfob.authmethod;

import io.keyfob.shared.ErrorKind;

/**
 * An activation or resynchronisation code that was not accepted, with its
 * {@link CodeOutcome}: wrong or used ({@code invalidVerificationCode}), the next code
 * needed ({@code additionalCodeRequired}) or a lock ({@code methodLocked}). Adapters
 * {@link CodeOutcome#match match} the outcome for their words and headers.
 */
public final class CodeRefusedException extends MethodException {

	private final CodeOutcome outcome;

	CodeRefusedException(CodeOutcome outcome) {
		super(kind(outcome), code(outcome), message(outcome));
		this.outcome = outcome;
	}

	/**
	 * What became of the code.
	 * @return the outcome, never {@link CodeOutcome.Accepted}
	 */
	public CodeOutcome outcome() {
		return this.outcome;
	}

	private static ErrorKind kind(CodeOutcome outcome) {
		return (outcome instanceof CodeOutcome.Locked || outcome instanceof CodeOutcome.LockedUntilAdmin)
				? ErrorKind.TOO_MANY_REQUESTS : ErrorKind.INVALID;
	}

	private static String code(CodeOutcome outcome) {
		return outcome.match(new CodeOutcome.Cases<>() {

			@Override
			public String accepted(CodeOutcome.Accepted accepted) {
				throw new IllegalArgumentException("An accepted code is no refusal");
			}

			@Override
			public String rejected(CodeOutcome.Rejected rejected) {
				return "invalidVerificationCode";
			}

			@Override
			public String locked(CodeOutcome.Locked locked) {
				return "methodLocked";
			}

			@Override
			public String lockedUntilAdmin(CodeOutcome.LockedUntilAdmin locked) {
				return "methodLocked";
			}

			@Override
			public String additionalCodeRequired(CodeOutcome.AdditionalCodeRequired additional) {
				return "additionalCodeRequired";
			}

		});
	}

	private static String message(CodeOutcome outcome) {
		return outcome.match(new CodeOutcome.Cases<>() {

			@Override
			public String accepted(CodeOutcome.Accepted accepted) {
				throw new IllegalArgumentException("An accepted code is no refusal");
			}

			@Override
			public String rejected(CodeOutcome.Rejected rejected) {
				return "The verification code is wrong or was already used. Press the token's button and enter the "
						+ "new code; " + rejected.attemptsLeft() + " more wrong codes lock the token for a while.";
			}

			@Override
			public String locked(CodeOutcome.Locked locked) {
				return "Too many wrong codes: this token is locked until " + locked.until() + ". Try again then.";
			}

			@Override
			public String lockedUntilAdmin(CodeOutcome.LockedUntilAdmin locked) {
				return "Too many wrong codes: this token is locked until an administrator unlocks it.";
			}

			@Override
			public String additionalCodeRequired(CodeOutcome.AdditionalCodeRequired additional) {
				return "The token's clock is far from the server's. Wait for the token to show the next code and "
						+ "send that one too.";
			}

		});
	}

}
