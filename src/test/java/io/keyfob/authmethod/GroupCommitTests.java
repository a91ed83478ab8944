package io.keyfob.authmethod;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit without Spring or a database: concurrent work shares commits, a failing
 * item does not fail the others, and work runs with its caller's log context.
 */
class GroupCommitTests {

	private final CountingTransactions transactions = new CountingTransactions();

	private final GroupCommit commits = new GroupCommit(this.transactions);

	@AfterEach
	void stop() throws InterruptedException {
		this.commits.destroy();
	}

	@Test
	void runWhenManyCallersAtOnceThenFewerCommitsThanCallersAndEveryAnswerAfterItsCommit() throws Exception {
		int callers = 32;
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			int n = i;
			answers.add(pool.submit(() -> {
				start.await();
				int answer = this.commits.run(() -> {
					sleep(2);
					return n;
				});
				// the commit that held this work is done before the caller hears the
				// answer
				assertThat(this.transactions.commits.get()).isPositive();
				return answer;
			}));
		}
		start.countDown();
		for (int i = 0; i < callers; i++) {
			assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
		}
		pool.shutdown();
		assertThat(this.transactions.commits.get()).isLessThan(callers);
	}

	@Test
	void runWhenOneItemFailsThenItAloneFailsAndTheOthersAreAnswered() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		AtomicInteger attempts = new AtomicInteger();
		Future<String> failing = pool.submit(() -> this.commits.run(() -> {
			attempts.incrementAndGet();
			throw new IllegalStateException("broken");
		}));
		List<Future<String>> others = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			others.add(pool.submit(() -> this.commits.run(() -> "fine")));
		}
		for (Future<String> other : others) {
			assertThat(other.get(30, TimeUnit.SECONDS)).isEqualTo("fine");
		}
		assertThat(failing).failsWithin(30, TimeUnit.SECONDS);
		assertThat(attempts.get()).as("once in the batch, once alone").isEqualTo(2);
		pool.shutdown();
	}

	@Test
	void runWhenCallerHasLogContextThenWorkSeesIt() {
		MDC.put("requestId", "r-42");
		try {
			assertThat(this.commits.run(() -> MDC.get("requestId"))).isEqualTo("r-42");
		}
		finally {
			MDC.clear();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Counts commits; holds no resources. */
	private static final class CountingTransactions extends AbstractPlatformTransactionManager {

		final AtomicInteger commits = new AtomicInteger();

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			this.commits.incrementAndGet();
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
