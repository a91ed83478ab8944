package io.keyfob.portal.web;

import io.keyfob.authmethod.InvalidCodeException;
import io.keyfob.authmethod.MethodLock;
import io.keyfob.authmethod.MethodLockedException;
import io.keyfob.shared.KeyfobException;

import org.springframework.stereotype.Component;

/**
 * Puts the refusals of {@code authmethod} and {@code token} in plain words next to the
 * field they concern. The words never reveal who holds a token, and never repeat a code.
 */
@Component
public final class MethodProblems {

	/** The form field of a serial number. */
	public static final String SERIAL = "serialNumber";

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
		if (ex instanceof MethodLockedException locked) {
			return new Problem(codeField, locked(locked, self));
		}
		if (ex instanceof InvalidCodeException invalid) {
			return new Problem(codeField, "That code is not right, or it was already used. Press the button on " + token
					+ " and enter the new code. " + attemptsLeft(invalid.attemptsLeft()));
		}
		return switch (ex.code()) {
			case "invalidVerificationCode" -> new Problem(codeField, "Enter the 6 digits " + token + " shows.");
			case "additionalCodeRequired" -> new Problem(codeField, "The clock of " + token
					+ " is far from ours. Wait until it shows a new code, press the button, and enter that code too.");
			case "serialNumberNotFound", "tokenNotFound" ->
				new Problem(SERIAL, "No available token has this serial number. Check the number on the back of "
						+ token + (self ? ", or ask your helpdesk." : "."));
			case "tokenBlocked" -> new Problem(SERIAL,
					"This token is blocked: it was reported lost, stolen, broken "
							+ "or retired, so nobody can use it. " + (self ? "Please hand it to your helpdesk."
									: "A policy administrator can unblock it on its inventory page."));
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

	private String locked(MethodLockedException locked, boolean self) {
		if (MethodLock.ADMIN_UNLOCK.equals(locked.retryAt())) {
			return "Too many wrong codes: this token is locked until an administrator unlocks it."
					+ (self ? " Ask your helpdesk." : "");
		}
		return "Too many wrong codes: this token is locked until " + this.dates.until(locked.retryAt()) + "."
				+ (self ? " Try again then, or ask your helpdesk to unlock it." : " Try again then, or unlock it.");
	}

	private static String attemptsLeft(int left) {
		if (left <= 0) {
			return "The next wrong code locks the token for a while.";
		}
		return "After " + left + " more wrong " + ((left == 1) ? "code" : "codes")
				+ " the token is locked for a while.";
	}

}
