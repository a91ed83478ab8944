package io.keyfob.seedimport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.keyfob.seedimport.jdbc.JdbcSeedImportJobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The bounded pool that runs import jobs on this node: a fixed number of workers and a
 * short queue, so that a burst of uploads is refused rather than held in memory. Renews
 * the heartbeat of every job it holds, so other nodes can tell a slow job from one whose
 * node stopped.
 */
@Component
class ImportWorkers implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ImportWorkers.class);

	private final ThreadPoolExecutor executor;

	private final ScheduledExecutorService heartbeat;

	private final Set<UUID> held = ConcurrentHashMap.newKeySet();

	private final JdbcSeedImportJobs jobs;

	private final Clock clock;

	private final String node;

	ImportWorkers(SeedImportProperties properties, JdbcSeedImportJobs jobs, Clock clock,
			@Value("${keyfob.node-name:}") String node) {
		this.jobs = jobs;
		this.clock = clock;
		this.node = node.isBlank() ? hostName() : node;
		AtomicInteger number = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(properties.workers(), properties.workers(), 0, TimeUnit.SECONDS,
				(properties.queueCapacity() > 0) ? new ArrayBlockingQueue<>(properties.queueCapacity())
						: new SynchronousQueue<>(),
				(task) -> new Thread(task, "seed-import-" + number.incrementAndGet()));
		this.heartbeat = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "seed-import-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long interval = properties.heartbeatInterval().toMillis();
		this.heartbeat.scheduleWithFixedDelay(this::renew, interval, interval, TimeUnit.MILLISECONDS);
	}

	/**
	 * Queue a job.
	 * @param jobId the job
	 * @param work what to run
	 * @throws RejectedExecutionException if every worker is busy and the queue is full
	 */
	void submit(UUID jobId, Runnable work) {
		this.held.add(jobId);
		try {
			this.executor.execute(new Job(jobId, () -> {
				try {
					work.run();
				}
				finally {
					this.held.remove(jobId);
				}
			}));
		}
		catch (RejectedExecutionException ex) {
			this.held.remove(jobId);
			throw ex;
		}
	}

	/**
	 * This node's name ({@code keyfob.node-name}, by default the host name), stored with
	 * the jobs it runs.
	 * @return the name
	 */
	String node() {
		return this.node;
	}

	/**
	 * On start, fail the jobs this node held when it last stopped without finishing them
	 * (a crash): their worker is gone, so waiting for their heartbeat to go stale would
	 * only show them running for minutes.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void failOrphans() {
		int failed = this.jobs.failOrphans(this.node, SeedImportErrors.ABANDONED,
				SeedImportErrors.ABANDONED_ALL_OR_NOTHING, this.clock.instant());
		if (failed > 0) {
			logger.info("Marked {} seed imports that this node left unfinished as failed", failed);
		}
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

	/**
	 * How many jobs this node holds, queued or running.
	 * @return the number of jobs
	 */
	int held() {
		return this.held.size();
	}

	private record Job(UUID id, Runnable work) implements Runnable {

		@Override
		public void run() {
			this.work.run();
		}

	}

	private void renew() {
		try {
			this.jobs.touch(Set.copyOf(this.held), this.clock.instant());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not renew the heartbeat of seed imports {}", this.held, ex);
		}
	}

	/**
	 * Stops the workers: a running job sees the interrupt between two batches and ends as
	 * failed; queued jobs are marked failed at once. Nothing is lost that a new import of
	 * the same file does not repair: stored tokens are reported as unchanged.
	 */
	@Override
	public void destroy() {
		this.heartbeat.shutdownNow();
		List<Runnable> queued = this.executor.shutdownNow();
		if (!queued.isEmpty() || this.executor.getActiveCount() > 0) {
			logger.info("Stopping with {} seed imports queued and {} running", queued.size(),
					this.executor.getActiveCount());
		}
		for (Runnable job : queued) {
			try {
				this.jobs.stop(((Job) job).id(), SeedImportErrors.STOPPED_BEFORE_START, this.clock.instant());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not mark seed import {} as failed", ((Job) job).id(), ex);
			}
		}
		try {
			this.executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
