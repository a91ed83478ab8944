package io.keyfob.authmethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Group commit for verifications: concurrent verifications share one transaction and one
 * commit, made by one committer thread, instead of paying a commit (a disk write on H2, a
 * WAL flush on PostgreSQL) each. Each caller waits until the commit that holds its work
 * is done, so an answer is given only when it is durable, with its sign-in log entry.
 * <p>
 * Within a batch the items run one after another, so each sees what the ones before it
 * wrote (the same code twice in one batch: the second is a replay), and row locks still
 * order attempts across nodes. If an item or the commit fails, the batch rolls back and
 * each of its callers runs its verification again in a transaction of its own, so one
 * failure never fails the others. The committer runs an item with the caller's request,
 * security context and log context, so the audit log records the caller, not the thread.
 */
@Component
final class GroupCommit implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(GroupCommit.class);

	/** The most verifications in one transaction. */
	static final int MAX_BATCH = 64;

	private final TransactionTemplate transactions;

	private final BlockingQueue<Item<?>> queue = new LinkedBlockingQueue<>();

	private final Thread committer;

	private volatile boolean running = true;

	GroupCommit(PlatformTransactionManager transactions) {
		this.transactions = new TransactionTemplate(transactions);
		this.committer = new Thread(this::commitLoop, "keyfob-verify-committer");
		this.committer.setDaemon(true);
		this.committer.start();
	}

	/**
	 * Run a verification in a shared transaction and return its result after the commit.
	 * @param <T> the result type
	 * @param work the verification; may run twice if its first batch fails (it then left
	 * nothing behind)
	 * @return the result, durable
	 */
	<T> T run(Supplier<T> work) {
		if (!this.running || TransactionSynchronizationManager.isActualTransactionActive()) {
			return alone(work);
		}
		Item<T> item = new Item<>(work);
		this.queue.add(item);
		try {
			return item.result.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the verification's commit", ex);
		}
		catch (ExecutionException ex) {
			// the batch failed and rolled back: this verification left nothing, run it
			// alone
			return alone(work);
		}
	}

	private <T> T alone(Supplier<T> work) {
		return this.transactions.execute((status) -> work.get());
	}

	private void commitLoop() {
		List<Item<?>> batch = new ArrayList<>(MAX_BATCH);
		while (this.running || !this.queue.isEmpty()) {
			try {
				Item<?> first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, MAX_BATCH - 1);
				commit(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Throwable ex) {
				logger.warn("A batch of {} verifications failed; each runs again on its own", batch.size(), ex);
				batch.forEach((item) -> item.result.completeExceptionally(ex));
			}
			finally {
				batch.clear();
			}
		}
	}

	private void commit(List<Item<?>> batch) {
		List<Object> results = new ArrayList<>(batch.size());
		this.transactions.executeWithoutResult((status) -> {
			for (Item<?> item : batch) {
				results.add(item.runInCallersContext());
			}
		});
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).complete(results.get(i));
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.running = false;
		this.committer.join(5000);
	}

	/** One caller's verification, with the caller's thread context to run it in. */
	private static final class Item<T> {

		private final Supplier<T> work;

		private final CompletableFuture<T> result = new CompletableFuture<>();

		private final @Nullable RequestAttributes request = RequestContextHolder.getRequestAttributes();

		private final SecurityContext security = SecurityContextHolder.getContext();

		private final @Nullable Map<String, String> log = MDC.getCopyOfContextMap();

		Item(Supplier<T> work) {
			this.work = work;
		}

		T runInCallersContext() {
			RequestContextHolder.setRequestAttributes(this.request);
			SecurityContextHolder.setContext(this.security);
			if (this.log != null) {
				MDC.setContextMap(this.log);
			}
			try {
				return this.work.get();
			}
			finally {
				RequestContextHolder.resetRequestAttributes();
				SecurityContextHolder.clearContext();
				MDC.clear();
			}
		}

		@SuppressWarnings("unchecked")
		void complete(Object value) {
			this.result.complete((T) value);
		}

	}

}
