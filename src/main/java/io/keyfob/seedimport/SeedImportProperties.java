package io.keyfob.seedimport;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code keyfob.seed-import}.
 *
 * @param maxFileSize the largest seed file accepted; PSKC files are parsed in memory, so
 * this also bounds the memory one upload takes. The HTTP multipart limit follows it.
 * @param maxRows the most tokens one file may hold
 * @param batchSize how many tokens are stored per transaction
 * @param workers how many imports run at the same time on each node
 * @param queueCapacity how many more imports may wait on each node before uploads are
 * refused with {@code 429}
 * @param heartbeatInterval how often a node marks its queued and running imports as alive
 * @param abandonedAfter after how long without a heartbeat an import counts as failed
 * (its node stopped)
 * @param keepReports how long finished imports and their reports are kept
 */
@ConfigurationProperties("keyfob.seed-import")
public record SeedImportProperties(@DefaultValue("50MB") DataSize maxFileSize, @DefaultValue("200000") int maxRows,
		@DefaultValue("500") int batchSize, @DefaultValue("1") int workers, @DefaultValue("4") int queueCapacity,
		@DefaultValue("30s") Duration heartbeatInterval, @DefaultValue("5m") Duration abandonedAfter,
		@DefaultValue("30d") Duration keepReports) {

	public SeedImportProperties {
		if (maxRows < 1 || batchSize < 1 || batchSize > 1000 || workers < 1 || queueCapacity < 0) {
			throw new IllegalArgumentException("keyfob.seed-import: max-rows and workers must be 1 or more, "
					+ "batch-size 1 to 1000, queue-capacity 0 or more");
		}
		if (abandonedAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException(
					"keyfob.seed-import.abandoned-after must be at least twice the heartbeat-interval");
		}
	}

	/**
	 * Says that an upload is larger than {@link #maxFileSize()}, for adapters that
	 * enforce the limit before the file reaches this module.
	 * @return the message
	 */
	public String fileTooLargeMessage() {
		return SeedImportErrors.tooLargeMessage(this.maxFileSize);
	}

}
