package io.keyfob.shared.secret;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.keyfob.shared.jdbc.JdbcSealedColumns;
import io.keyfob.shared.jdbc.JdbcSealedColumns.SealedRow;
import io.keyfob.shared.jdbc.JdbcSealingKeys;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-wraps every sealed secret (token seeds, signing keys, remembered wrong codes: every
 * table a module declares with {@link SealedColumns}) under the current master key, then
 * retires the earlier keys, so that Keyfob starts with the new key alone.
 * <p>
 * Run it with the new key as {@code keyfob.secrets.master-key} and the old one in
 * {@code keyfob.secrets.previous-master-keys}. It works in batches of {@value #BATCH}
 * rows, each in its own transaction, and replaces a secret only if the row still holds
 * what was read, so nodes may keep running (configured with both keys) while it runs; a
 * row changed in between is simply read again. It can be run again after an interruption.
 * The secrets are opened in memory only for the moment of re-wrapping.
 */
@Service
public class MasterKeyRotation {

	static final int BATCH = 500;

	private final List<SealedColumns> tables;

	private final JdbcSealedColumns sealedColumns;

	private final JdbcSealingKeys sealingKeys;

	private final SecretSealer sealer;

	private final MasterKeyring keyring;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MasterKeyRotation(List<SealedColumns> tables, JdbcSealedColumns sealedColumns, JdbcSealingKeys sealingKeys,
			SecretSealer sealer, MasterKeyring keyring, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events, Clock clock) {
		this.tables = List.copyOf(tables);
		this.sealedColumns = sealedColumns;
		this.sealingKeys = sealingKeys;
		this.sealer = sealer;
		this.keyring = keyring;
		this.transactions = new TransactionTemplate(transactionManager);
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Re-wrap everything under the current key and retire the others.
	 * @return what was done
	 * @throws IllegalStateException if secrets remain under other keys (rows that kept
	 * changing); run it again
	 */
	public MasterKeyRotated rotate() {
		String current = this.keyring.current().id();
		Map<String, Long> resealed = new LinkedHashMap<>();
		for (SealedColumns table : this.tables) {
			resealed.put(table.table(), resealTable(table, current));
		}
		for (SealedColumns table : this.tables) {
			long left = this.sealedColumns.countUnderOtherKeys(table, current);
			if (left > 0) {
				throw new IllegalStateException(left + " secrets in " + table.table()
						+ " are still sealed under an earlier master key; run the rotation again");
			}
		}
		Set<String> retired = new TreeSet<>(this.sealingKeys.keyIds());
		retired.remove(current);
		MasterKeyRotated rotated = new MasterKeyRotated(current, resealed, retired);
		this.transactions.executeWithoutResult((status) -> {
			this.sealingKeys.register(current, this.clock.instant());
			this.sealingKeys.retireAllBut(current);
			this.events.publishEvent(rotated);
		});
		return rotated;
	}

	private long resealTable(SealedColumns table, String current) {
		long total = 0;
		while (true) {
			Integer done = this.transactions.execute((status) -> resealBatch(table, current));
			if (done == null || done == 0) {
				return total;
			}
			total += done;
		}
	}

	private int resealBatch(SealedColumns table, String current) {
		List<SealedRow> rows = this.sealedColumns.sealedUnderOtherKeys(table, current, BATCH);
		int done = 0;
		for (SealedRow row : rows) {
			SealedSecret fresh = this.sealer.reseal(row.sealed(), table.context().apply(row.ids()));
			if (this.sealedColumns.replace(table, row, fresh)) {
				done++;
			}
		}
		return done;
	}

}
