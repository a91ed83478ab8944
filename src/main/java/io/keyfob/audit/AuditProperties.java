package io.keyfob.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code keyfob.audit}.
 *
 * @param retention how long entries are kept; older ones are purged, leaving the hash of
 * the last purged entry as the chain's anchor. For example {@code 365d}.
 * @param purgeInterval how often the purge job runs on each node
 * @param chainInterval how often each node chains the entries that wait (they are also
 * chained right after each audited commit)
 * @param health when the {@code auditLog} health component warns
 */
@ConfigurationProperties("keyfob.audit")
public record AuditProperties(@DefaultValue("365d") Duration retention, @DefaultValue("1h") Duration purgeInterval,
		@DefaultValue("1s") Duration chainInterval, @DefaultValue Health health) {

	public AuditProperties {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("keyfob.audit.retention must be positive, for example 365d");
		}
	}

	/**
	 * When the audit log's health component reports {@code WARN}.
	 *
	 * @param maxFailedSignIns warn when more failed sign-ins and verifications than this
	 * happened within {@code failedSignInWindow}, across all nodes
	 * @param failedSignInWindow the window for {@code maxFailedSignIns}
	 * @param maxEntries warn when the log holds more entries than this
	 */
	public record Health(@DefaultValue("1000") long maxFailedSignIns, @DefaultValue("5m") Duration failedSignInWindow,
			@DefaultValue("10000000") long maxEntries) {
	}

}
