package io.keyfob.seedimport;

import java.util.List;
import java.util.Objects;

import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.HardwareOathAssignments;
import io.keyfob.seedimport.ImportCandidate.Action;
import io.keyfob.shared.KeyfobException;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenCreation;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenValidity;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the checked tokens of one import. New unassigned tokens go in through the
 * inventory's bulk path, one JDBC batch and one transaction per chunk; a token to replace
 * or to assign is written in a transaction of its own, so that a refusal (a user's method
 * limit reached meanwhile, say) leaves nothing of that token behind. In an all-or-nothing
 * import everything joins one transaction, and the first refusal rolls all of it back.
 */
final class ImportStorage {

	private final TokenInventory inventory;

	private final HardwareOathAssignments assignments;

	private final TransactionTemplate transactions;

	private final Actor actor;

	private final RunReport report;

	private final boolean allOrNothing;

	private int stored;

	ImportStorage(TokenInventory inventory, HardwareOathAssignments assignments, TransactionTemplate transactions,
			Actor actor, RunReport report, boolean allOrNothing) {
		this.inventory = inventory;
		this.assignments = assignments;
		this.transactions = transactions;
		this.actor = actor;
		this.report = report;
		this.allOrNothing = allOrNothing;
	}

	/**
	 * Stores one chunk.
	 * @param chunk candidates in file order; those that write nothing are skipped
	 * @throws Refused in an all-or-nothing import, when a token is refused
	 */
	void store(List<ImportCandidate> chunk) {
		createAll(chunk.stream().filter(ImportStorage::plain).toList());
		for (ImportCandidate candidate : chunk) {
			if (candidate.writes() && !plain(candidate)) {
				storeOne(candidate);
			}
		}
		this.report.storedSoFar(this.stored);
	}

	// a new token for nobody in particular: the bulk path takes it
	private static boolean plain(ImportCandidate candidate) {
		return candidate.action() == Action.CREATE && candidate.ownerId() == null;
	}

	private void createAll(List<ImportCandidate> plain) {
		if (plain.isEmpty()) {
			return;
		}
		List<TokenCreation> outcomes = this.inventory.createAll(plain.stream().map(ImportCandidate::command).toList());
		for (int i = 0; i < plain.size(); i++) {
			if (outcomes.get(i) instanceof TokenCreation.Refused refused) {
				refuse(plain.get(i), refused.reason());
			}
			else {
				stored(plain.get(i));
			}
		}
	}

	private void storeOne(ImportCandidate candidate) {
		try {
			this.transactions.executeWithoutResult((status) -> write(candidate));
			stored(candidate);
		}
		catch (KeyfobException ex) {
			refuse(candidate, ex);
		}
	}

	private void write(ImportCandidate candidate) {
		NewHardwareOathToken command = candidate.command();
		HardwareOathToken existing = candidate.existing();
		HardwareOathToken token = switch (candidate.action()) {
			case CREATE -> this.inventory.create(command);
			case REPLACE -> {
				this.inventory.delete(Objects.requireNonNull(existing).id());
				yield this.inventory.create(command);
			}
			case ASSIGN, UNCHANGED -> Objects.requireNonNull(existing);
			default -> throw new IllegalStateException("Nothing to write for " + candidate);
		};
		TokenValidity validity = candidate.newValidity();
		if (validity != null) {
			this.inventory.changeValidity(token.id(), validity);
		}
		if (candidate.assigns()) {
			this.assignments.assign(this.actor, Objects.requireNonNull(candidate.ownerId()), token.id());
		}
	}

	private void stored(ImportCandidate candidate) {
		candidate.markStored(true);
		this.stored++;
	}

	private void refuse(ImportCandidate candidate, KeyfobException reason) {
		String message = "refused while storing: " + reason.getMessage();
		if (this.allOrNothing) {
			throw new Refused(candidate, message);
		}
		this.report.reject(candidate, message);
	}

	/**
	 * A token refused while storing an all-or-nothing import: the transaction rolls back.
	 */
	static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient ImportCandidate candidate;

		Refused(ImportCandidate candidate, String reason) {
			super(reason);
			this.candidate = candidate;
		}

		ImportCandidate candidate() {
			return this.candidate;
		}

	}

}
