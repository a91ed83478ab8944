package io.keyfob.portal.web;

import java.time.Duration;

import io.keyfob.authmethod.CodeOutcome;
import io.keyfob.authmethod.CodeRefusedException;
import io.keyfob.policy.VerificationSettings;
import io.keyfob.shared.KeyfobException;
import io.keyfob.shared.Waits;

import org.springframework.stereotype.Component;

/**
 * Puts the refusals of {@code authmethod} and {@code token} in plain words next to the
 * field they concern. The words never reveal who holds a token, and never repeat a code.
 */
@Component
public final class MethodProblems {

	/** The form field of a serial number. */
	public static final String SERIAL = "serialNumber";

	/**
	 * What a user who tries to add a blocked token reads: that it cannot be added, not
	 * why, whose it was or since when, since the one typing may have found it.
	 */
	public static final String BLOCKED_FOR_SELF = "This token cannot be added. If you found it, please hand it to "
			+ "your helpdesk.";

	private final Dates dates;

	MethodProblems(Dates dates) {
		this.dates = dates;
	}

	/**
	 * Explain a refusal.
	 * @param ex the refusal
	 * @param codeField the field the code was typed into
	 * @param self whether the user acts on their own methods (the words say "your")
	 * @return the problem and its field
	 */
	public Problem explain(KeyfobException ex, String codeField, boolean self) {
		String token = self ? "your token" : "the token";
		if (ex instanceof CodeRefusedException refused) {
			return new Problem(codeField, refused.outcome().match(codeWords(token, self)));
		}
		return switch (ex.code()) {
			case "invalidVerificationCode" -> new Problem(codeField, "Enter the 6 or 8 digits " + token + " shows.");
			case "additionalCodeRequired" -> new Problem(codeField, "The clock of " + token
					+ " is far from ours. Wait until it shows a new code, press the button, and enter that code too.");
			case "serialNumberNotFound", "tokenNotFound" ->
				new Problem(SERIAL, "No available token has this serial number. Check the number on the back of "
						+ token + (self ? ", or ask your helpdesk." : "."));
			case "tokenBlocked" -> new Problem(SERIAL, self ? BLOCKED_FOR_SELF
					: "This token is blocked: it was reported lost, stolen, broken or retired, so nobody can use it. "
							+ "A policy administrator can unblock it on its inventory page.");
			case "tokenAlreadyAssigned" -> new Problem(SERIAL, self
					? "This token is already one of your sign-in methods."
					: "This token is already assigned to someone. Unassign it first, or choose an available token.");
			case "methodLimitReached" -> Problem
				.general(self ? "You already have the most hardware tokens allowed. Remove one before adding another."
						: "This user already has the most hardware tokens allowed. Remove one before adding another.");
			case "policyDisabledForUser" -> Problem.general(
					self ? "Your organisation has not turned on hardware tokens for your account. Ask your helpdesk."
							: "The hardware OATH policy does not include this user. Change the policy first.");
			case "Authorization_RequestDenied" -> Problem
				.general("You may not do this. This user holds an administrator role, so a Privileged Authentication "
						+ "Administrator or a Global Administrator must do it.");
			case "tokenNotAssignedToUser" -> Problem.general(
					self ? "That token is no longer one of your sign-in methods." : "That token is not this user's.");
			default -> Problem.general("This could not be done. Reload the page and try again.");
		};
	}

	private CodeOutcome.Cases<String> codeWords(String token, boolean self) {
		return new CodeOutcome.Cases<>() {

			@Override
			public String accepted(CodeOutcome.Accepted accepted) {
				return "";
			}

			@Override
			public String rejected(CodeOutcome.Rejected rejected) {
				return "That code is not right, or it was already used. Press the button on " + token
						+ " and enter the new code. " + attemptsLeft(rejected);
			}

			@Override
			public String locked(CodeOutcome.Locked locked) {
				Duration wait = MethodProblems.this.dates.untilNow(locked.until());
				if (locked.throttle()) {
					return "Too many wrong codes in a row. Wait " + Waits.of(wait)
							+ ", then enter the code the token shows.";
				}
				return "Too many wrong codes: this token is locked. Try again in " + Waits.of(wait)
						+ (self ? ", or ask your helpdesk to unlock it." : ", or unlock it.");
			}

			@Override
			public String lockedUntilAdmin(CodeOutcome.LockedUntilAdmin locked) {
				return "Too many wrong codes: this token is locked until an administrator unlocks it."
						+ (self ? " Ask your helpdesk." : "");
			}

			@Override
			public String additionalCodeRequired(CodeOutcome.AdditionalCodeRequired additional) {
				return "The clock of " + token
						+ " is far from ours. Wait until it shows a new code, press the button, and enter that code too.";
			}

		};
	}

	private static String attemptsLeft(CodeOutcome.Rejected rejected) {
		int left = rejected.attemptsLeft();
		String throttle = rejected.throttled() ? "From now on, wait "
				+ Waits.of(VerificationSettings.Lockout.THROTTLE_DELAY) + " after a wrong code before the next. " : "";
		if (left <= 0) {
			return throttle + "The next wrong code locks the token for a while.";
		}
		return throttle + "After " + left + " more wrong " + ((left == 1) ? "code" : "codes")
				+ " the token is locked for a while.";
	}

}
