package io.keyfob.token;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.keyfob.shared.KeyfobException;
import io.keyfob.shared.secret.SecretSealer;
import io.keyfob.token.TokenEvents.TokenCreated;
import io.keyfob.token.jdbc.JdbcHardwareOathTokens;
import io.keyfob.token.jdbc.JdbcHardwareOathTokens.NewRow;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores many tokens at once (Graph: bulk upload): each item is checked on its own, the
 * good ones go to the database in one JDBC batch and one transaction, and a bad one is
 * reported without holding the others back.
 */
@Component
class TokenUpload {

	private final Clock clock;

	private final JdbcHardwareOathTokens tokens;

	private final SecretSealer sealer;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	TokenUpload(Clock clock, JdbcHardwareOathTokens tokens, SecretSealer sealer, ApplicationEventPublisher events,
			TransactionTemplate transactions) {
		this.clock = clock;
		this.tokens = tokens;
		this.sealer = sealer;
		this.events = events;
		this.transactions = transactions;
	}

	List<TokenCreation> createAll(List<NewHardwareOathToken> commands) {
		if (commands.size() > TokenInventory.MAX_BULK_ITEMS) {
			throw new IllegalArgumentException("At most " + TokenInventory.MAX_BULK_ITEMS + " tokens per call");
		}
		TokenCreation[] outcomes = new TokenCreation[commands.size()];
		try {
			Map<Integer, NewRow> rows = prepare(commands, outcomes);
			store(rows, commands, outcomes);
		}
		finally {
			commands.forEach((command) -> command.secret().destroy());
		}
		return List.of(outcomes);
	}

	// Validate every item, refuse serial numbers seen earlier in the request or already
	// stored, and seal the seeds of the rest.
	private Map<Integer, NewRow> prepare(List<NewHardwareOathToken> commands, TokenCreation[] outcomes) {
		Map<String, Integer> firstBySerialKey = new HashMap<>();
		Map<Integer, HardwareOathToken> valid = new HashMap<>();
		for (int i = 0; i < commands.size(); i++) {
			try {
				HardwareOathToken token = TokenRules.newToken(commands.get(i), this.clock.instant());
				TokenRules.counter(token.otpType(), commands.get(i).counter());
				if (firstBySerialKey.putIfAbsent(TokenRules.serialKey(token.serialNumber()), i) != null) {
					outcomes[i] = refused(DuplicateSerialNumberException.inRequest(token.serialNumber()));
				}
				else {
					valid.put(i, token);
				}
			}
			catch (KeyfobException ex) {
				outcomes[i] = refused(ex);
			}
		}
		Set<String> taken = this.tokens.existingSerialKeys(firstBySerialKey.keySet());
		Map<Integer, NewRow> rows = new HashMap<>();
		valid.forEach((i, token) -> {
			String serialKey = TokenRules.serialKey(token.serialNumber());
			if (taken.contains(serialKey)) {
				outcomes[i] = refused(new DuplicateSerialNumberException(token.serialNumber()));
			}
			else {
				rows.put(i, row(token, serialKey, commands.get(i)));
			}
		});
		return rows;
	}

	private void store(Map<Integer, NewRow> rows, List<NewHardwareOathToken> commands, TokenCreation[] outcomes) {
		List<Integer> order = new ArrayList<>(rows.keySet());
		order.sort(null);
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.tokens.insertAll(order.stream().map(rows::get).toList());
				order.forEach((i) -> created(rows.get(i).token(), outcomes, i));
			});
		}
		catch (DuplicateKeyException ex) {
			// another request stored one of these serial numbers since the check: store
			// one by one, so only the clashing items fail
			for (int i : order) {
				storeOne(rows.get(i), outcomes, i);
			}
		}
	}

	private void storeOne(NewRow row, TokenCreation[] outcomes, int index) {
		this.transactions.executeWithoutResult((status) -> {
			if (this.tokens.insert(row.token(), row.serialKey(), row.seed(), row.hotpCounter())) {
				created(row.token(), outcomes, index);
			}
			else {
				outcomes[index] = refused(new DuplicateSerialNumberException(row.token().serialNumber()));
			}
		});
	}

	private void created(HardwareOathToken token, TokenCreation[] outcomes, int index) {
		this.events.publishEvent(new TokenCreated(token.id(), token.serialNumber()));
		outcomes[index] = new TokenCreation.Created(token);
	}

	private NewRow row(HardwareOathToken token, String serialKey, NewHardwareOathToken command) {
		@Nullable Long counter = (token.otpType() == OtpType.HOTP) ? TokenRules.counter(OtpType.HOTP, command.counter()) : null;
		return new NewRow(token, serialKey, this.sealer.seal(command.secret().bytes(), SeedContext.of(token.id())),
				counter);
	}

	private static TokenCreation refused(KeyfobException reason) {
		return new TokenCreation.Refused(reason);
	}

}
