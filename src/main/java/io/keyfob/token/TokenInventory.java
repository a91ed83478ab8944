package io.keyfob.token;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.keyfob.shared.secret.SealedSecret;
import io.keyfob.shared.secret.SecretSealer;
import io.keyfob.token.TokenEvents.TokenCreated;
import io.keyfob.token.TokenEvents.TokenDeleted;
import io.keyfob.token.TokenEvents.TokenDriftReset;
import io.keyfob.token.TokenEvents.TokenUpdated;
import io.keyfob.token.jdbc.JdbcHardwareOathTokens;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token inventory (Graph: {@code hardwareOathDevices}): puts tokens in, changes and
 * removes them, and moves them through their life cycle. Seeds go in sealed and never
 * come out; to use one, ask {@link TokenCodes}.
 */
@Service
public class TokenInventory {

	private final JdbcHardwareOathTokens tokens;

	private final SecretSealer sealer;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TokenInventory(JdbcHardwareOathTokens tokens, SecretSealer sealer, ApplicationEventPublisher events, Clock clock) {
		this.tokens = tokens;
		this.sealer = sealer;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Put a new, available token into the inventory.
	 * @param command the token's properties and seed
	 * @return the stored token
	 * @throws InvalidTokenException if a property breaks a rule
	 * @throws DuplicateSerialNumberException if the serial number is taken
	 */
	@Transactional
	public HardwareOathToken create(NewHardwareOathToken command) {
		HardwareOathToken token = validate(command);
		SealedSecret seed = this.sealer.seal(command.secret().bytes(), SeedContext.of(token.id()));
		command.secret().destroy();
		Long counter = (token.otpType() == OtpType.HOTP) ? TokenRules.counter(OtpType.HOTP, command.counter()) : null;
		if (!this.tokens.insert(token, TokenRules.serialKey(token.serialNumber()), seed, counter)) {
			throw new DuplicateSerialNumberException(token.serialNumber());
		}
		this.events.publishEvent(new TokenCreated(token.id(), token.serialNumber()));
		return token;
	}

	/**
	 * Check a new token's properties without storing anything, for dry runs of imports.
	 * @param command the token's properties
	 * @return the token as it would be stored
	 * @throws InvalidTokenException if a property breaks a rule
	 */
	public HardwareOathToken validate(NewHardwareOathToken command) {
		String serialNumber = TokenRules.serialNumber(command.serialNumber());
		String manufacturer = TokenRules.required("manufacturer", command.manufacturer(), "the vendor's name");
		String model = TokenRules.required("model", command.model(), "the model name");
		return new HardwareOathToken(UUID.randomUUID(), serialNumber, TokenRules.displayName(command.displayName()),
				manufacturer, model, command.otpType(), command.hashFunction(), TokenRules.digits(command.digits()),
				TokenRules.timeInterval(command.otpType(), command.timeIntervalSeconds()), TokenStatus.AVAILABLE, null,
				(command.otpType() == OtpType.TOTP) ? command.driftSteps() : 0, this.clock.instant(), null, 0);
	}

	public Optional<HardwareOathToken> find(UUID id) {
		return this.tokens.findById(id);
	}

	/**
	 * Find a token by serial number, ignoring case and surrounding spaces.
	 * @param serialNumber the serial number
	 * @return the token, if any
	 */
	public Optional<HardwareOathToken> findBySerialNumber(String serialNumber) {
		return this.tokens.findBySerialKey(TokenRules.serialKey(serialNumber));
	}

	/**
	 * The tokens assigned to a user, oldest first.
	 * @param userId the user
	 * @return the user's tokens, whatever their status
	 */
	public List<HardwareOathToken> assignedTo(UUID userId) {
		return this.tokens.findByAssignee(userId);
	}

	/**
	 * Get a token that must exist.
	 * @param id the token id
	 * @return the token
	 * @throws TokenNotFoundException if there is none
	 */
	public HardwareOathToken get(UUID id) {
		return find(id).orElseThrow(() -> TokenNotFoundException.forId(id));
	}

	/**
	 * Get a token by serial number that must exist.
	 * @param serialNumber the serial number
	 * @return the token
	 * @throws TokenNotFoundException if there is none
	 */
	public HardwareOathToken getBySerialNumber(String serialNumber) {
		return findBySerialNumber(serialNumber).orElseThrow(() -> TokenNotFoundException.forSerialNumber(serialNumber));
	}

	/**
	 * Change an unassigned token's properties.
	 * @param id the token
	 * @param changes what to change
	 * @return the changed token
	 */
	@Transactional
	public HardwareOathToken update(UUID id, TokenChanges changes) {
		HardwareOathToken changed = change(id, (token) -> changes.applyTo(token.requireUnassigned()));
		this.events.publishEvent(new TokenUpdated(id, changed.serialNumber()));
		return changed;
	}

	/**
	 * Remove an unassigned token from the inventory, seed and all.
	 * @param id the token
	 */
	@Transactional
	public void delete(UUID id) {
		HardwareOathToken token = get(id).requireUnassigned();
		if (!this.tokens.delete(token)) {
			throw concurrentChange(id);
		}
		this.events.publishEvent(new TokenDeleted(id, token.serialNumber()));
	}

	/**
	 * Apply a life-cycle change to a token, guarded by its current status and version.
	 * @param id the token
	 * @param transition for example {@code token -> token.assignTo(userId)}
	 * @return the changed token
	 */
	@Transactional
	public HardwareOathToken change(UUID id, UnaryOperator<HardwareOathToken> transition) {
		HardwareOathToken token = get(id);
		HardwareOathToken changed = transition.apply(token);
		if (changed.equals(token)) {
			return token;
		}
		if (!this.tokens.update(changed)) {
			throw concurrentChange(id);
		}
		return this.tokens.findById(id).orElseThrow(() -> TokenNotFoundException.forId(id));
	}

	/**
	 * Forget a token's learned clock drift, for a token whose clock was reset or
	 * replaced.
	 * @param id the token
	 */
	@Transactional
	public void resetDrift(UUID id) {
		HardwareOathToken token = get(id);
		this.tokens.resetDrift(id);
		this.events.publishEvent(new TokenDriftReset(id, token.serialNumber(), token.driftSteps()));
	}

	private static KeyfobException concurrentChange(UUID id) {
		return new KeyfobException(ErrorKind.CONFLICT, "concurrentModification",
				"Token " + id + " was changed by another request at the same time. Read it again and retry.");
	}

}
