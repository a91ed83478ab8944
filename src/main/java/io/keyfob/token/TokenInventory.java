package io.keyfob.token;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import io.keyfob.token.TokenEvents.TokenValidityChanged;
import io.keyfob.token.jdbc.JdbcHardwareOathTokens;
import io.keyfob.token.jdbc.JdbcTokenSearch;

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

	/** The most tokens one bulk upload takes. */
	public static final int MAX_BULK_ITEMS = 1000;

	private final JdbcHardwareOathTokens tokens;

	private final SecretSealer sealer;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JdbcTokenSearch search;

	private final TokenUpload upload;

	TokenInventory(JdbcHardwareOathTokens tokens, SecretSealer sealer, ApplicationEventPublisher events, Clock clock,
			JdbcTokenSearch search, TokenUpload upload) {
		this.tokens = tokens;
		this.sealer = sealer;
		this.events = events;
		this.clock = clock;
		this.search = search;
		this.upload = upload;
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
		return TokenRules.newToken(command, this.clock.instant());
	}

	/**
	 * Put many new tokens into the inventory (Graph: bulk upload). Each item is checked
	 * on its own; the good ones are stored together, a bad one is refused with its reason
	 * (an invalid property, a serial number already stored or seen earlier in the list)
	 * and leaves nothing behind.
	 * @param commands at most {@value #MAX_BULK_ITEMS} tokens
	 * @return one outcome per command, in the same order
	 * @throws IllegalArgumentException if there are more than {@value #MAX_BULK_ITEMS}
	 * commands
	 */
	public List<TokenCreation> createAll(List<NewHardwareOathToken> commands) {
		return this.upload.createAll(commands);
	}

	/**
	 * Read one page of the inventory.
	 * @param query the filter, order, page size and cursor
	 * @return the page and, if more tokens match, the cursor of the next one
	 */
	@Transactional(readOnly = true)
	public TokenPage list(TokenQuery query) {
		return this.search.page(query, (token) -> TokenRules.serialKey(token.serialNumber()));
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
	 * Find the tokens with any of these serial numbers, ignoring case and surrounding
	 * spaces, with one query per 500 numbers: for imports that check a whole file.
	 * @param serialNumbers the serial numbers
	 * @return the tokens found, by serial key (see
	 * {@link NewHardwareOathToken#serialKey()})
	 */
	@Transactional(readOnly = true)
	public Map<String, HardwareOathToken> findBySerialNumbers(Collection<String> serialNumbers) {
		return this.tokens.findBySerialKeys(serialNumbers.stream().map(TokenRules::serialKey).distinct().toList());
	}

	/**
	 * Tell whether a stored token's seed equals a given one, for an import that meets a
	 * serial number again. The seed is compared in constant time here and never leaves
	 * this module.
	 * @param id the token
	 * @param secret the seed to compare with; not destroyed
	 * @return {@code true} if the token exists and has exactly this seed
	 */
	public boolean sameSeed(UUID id, TokenSecret secret) {
		return withSameSeed(Map.of(id, secret)).contains(id);
	}

	/**
	 * {@link #sameSeed(UUID, TokenSecret)} for many tokens at once, with one query per
	 * 500 tokens.
	 * @param candidates token ids and the seeds to compare with; not destroyed
	 * @return the ids of the tokens whose seed equals the one given
	 */
	@Transactional(readOnly = true)
	public Set<UUID> withSameSeed(Map<UUID, TokenSecret> candidates) {
		Set<UUID> same = new HashSet<>();
		this.tokens.seeds(candidates.keySet()).forEach((id, sealed) -> {
			byte[] stored = this.sealer.open(sealed, SeedContext.of(id));
			try {
				if (MessageDigest.isEqual(stored, candidates.get(id).bytes())) {
					same.add(id);
				}
			}
			finally {
				Arrays.fill(stored, (byte) 0);
			}
		});
		return same;
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
	 * Change when a token's codes may be accepted; allowed in any status, since a
	 * vendor's expiry date applies to held tokens too.
	 * @param id the token
	 * @param validity the new window
	 * @return the changed token
	 */
	@Transactional
	public HardwareOathToken changeValidity(UUID id, TokenValidity validity) {
		TokenValidity previous = get(id).validity();
		HardwareOathToken changed = change(id, (token) -> token.withValidity(validity));
		if (!previous.equals(validity)) {
			this.events.publishEvent(new TokenValidityChanged(id, changed.serialNumber(), previous, validity));
		}
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
