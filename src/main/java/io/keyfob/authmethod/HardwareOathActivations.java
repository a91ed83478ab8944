package io.keyfob.authmethod;

import java.util.UUID;
import java.util.function.Supplier;

import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenStateException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Codes that change a method: activate, assign-and-activate (by id or by serial number)
 * and resynchronise. Each checks its code under the {@link MethodGuard} through
 * {@link Activation} or {@link Resync}, in one transaction; a code that is not accepted
 * is a {@link CodeRefusedException} with its {@link CodeOutcome}. The rules are those of
 * {@link HardwareOathMethods}.
 */
@Service
public class HardwareOathActivations {

	private final TokenInventory inventory;

	private final MethodRules rules;

	private final Activation activation;

	private final Resync resyncs;

	HardwareOathActivations(TokenInventory inventory, MethodRules rules, Activation activation, Resync resyncs) {
		this.inventory = inventory;
		this.rules = rules;
		this.activation = activation;
		this.resyncs = resyncs;
	}

	/**
	 * Prove that the user holds the token with the code it shows (Graph:
	 * {@code activate}).
	 * @param actor who asks
	 * @param userId the user
	 * @param methodId the method (token) id
	 * @param verificationCode the code the token shows
	 * @param displayName a name for the token, or {@code null} to keep its name
	 * @throws MethodException {@code invalidVerificationCode} (the token is then
	 * {@code failedActivation}; retry with a new code), {@code additionalCodeRequired}
	 * (send the next code), or {@code methodLocked}, each a {@link CodeRefusedException}
	 */
	public void activate(Actor actor, UUID userId, UUID methodId, String verificationCode,
			@Nullable String displayName) {
		this.rules.authorize(actor, userId);
		this.rules.requirePolicy(userId);
		HardwareOathToken token = this.rules.held(userId, methodId);
		TypedCode code = typed(verificationCode);
		refuseUnlessAccepted(this.activation.activate(userId, token.id(), code, displayName, actor, false));
	}

	/**
	 * Assign an available token and activate it in one step (Graph:
	 * {@code assignAndActivate}). Nothing is assigned unless the code is right.
	 * @param actor who asks
	 * @param userId the user
	 * @param tokenId the token
	 * @param verificationCode the code the token shows
	 * @param displayName a name for the token, or {@code null}
	 */
	public void assignAndActivate(Actor actor, UUID userId, UUID tokenId, String verificationCode,
			@Nullable String displayName) {
		this.rules.authorize(actor, userId);
		this.rules.requirePolicy(userId);
		claim(actor, userId, this.rules.claimable(actor, userId, tokenId), verificationCode, displayName,
				() -> MethodException.notAvailable(tokenId));
	}

	/**
	 * Claim a token by the serial number printed on it and activate it with its code
	 * (Graph: {@code assignAndActivateBySerialNumber}; My Security Info). A user gets
	 * {@code serialNumberNotFound} both for an unknown serial number and for a token held
	 * by someone else; administrators get {@code tokenAlreadyAssigned} for the latter.
	 * @param actor who asks
	 * @param userId the user
	 * @param serialNumber the serial number, compared ignoring case and surrounding
	 * spaces
	 * @param verificationCode the code the token shows
	 * @param displayName a name for the token, or {@code null}
	 */
	public void assignAndActivateBySerialNumber(Actor actor, UUID userId, String serialNumber, String verificationCode,
			@Nullable String displayName) {
		this.rules.authorize(actor, userId);
		this.rules.requirePolicy(userId);
		HardwareOathToken token = this.inventory.findBySerialNumber(serialNumber)
			.orElseThrow(MethodException::serialNotFound);
		MethodRules.requireNotBlocked(token);
		if (token.assignedTo() != null && !userId.equals(token.assignedTo())) {
			throw actor.isSelf(userId) ? MethodException.serialNotFound() : MethodException.alreadyAssigned(token.id());
		}
		claim(actor, userId, token, verificationCode, displayName, MethodException::serialNotFound);
	}

	/**
	 * Find a token's clock or counter again with two consecutive codes (RFC 4226 §7.4):
	 * TOTP anywhere within ±1 day of steps, HOTP up to 100 presses ahead. Users and
	 * administrators may; for users the lock applies and failures count.
	 * @param actor who asks
	 * @param userId the user
	 * @param methodId the method (token) id
	 * @param firstCode a code the token shows
	 * @param nextCode the code it shows next
	 */
	public void resync(Actor actor, UUID userId, UUID methodId, String firstCode, String nextCode) {
		this.rules.authorize(actor, userId);
		this.rules.held(userId, methodId);
		refuseUnlessAccepted(this.resyncs.resync(userId, methodId, typed(firstCode), typed(nextCode), actor));
	}

	private void claim(Actor actor, UUID userId, HardwareOathToken token, String verificationCode,
			@Nullable String displayName, Supplier<MethodException> unavailable) {
		boolean held = userId.equals(token.assignedTo());
		if (!held) {
			this.rules.requireRoom(userId);
		}
		TypedCode code = typed(verificationCode);
		try {
			refuseUnlessAccepted(this.activation.activate(userId, token.id(), code, displayName, actor, !held));
		}
		catch (TokenStateException ex) {
			// someone else took the token in the meantime
			if (actor.isSelf(userId)) {
				throw unavailable.get();
			}
			throw ex;
		}
	}

	private static TypedCode typed(String verificationCode) {
		try {
			return TypedCode.parse(verificationCode);
		}
		catch (IllegalArgumentException ex) {
			throw MethodException.malformedCode();
		}
	}

	private static void refuseUnlessAccepted(CodeOutcome outcome) {
		if (!outcome.accepted()) {
			throw new CodeRefusedException(outcome);
		}
	}

}
