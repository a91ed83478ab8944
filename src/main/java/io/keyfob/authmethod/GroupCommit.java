package io.keyfob.authmethod;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs verifications in transactions and answers each only after its commit.
 */
@Component
final class GroupCommit {

	private final TransactionTemplate transactions;

	GroupCommit(PlatformTransactionManager transactions) {
		this.transactions = new TransactionTemplate(transactions);
	}

	<T> T run(Supplier<T> work) {
		return this.transactions.execute((status) -> work.get());
	}

}
