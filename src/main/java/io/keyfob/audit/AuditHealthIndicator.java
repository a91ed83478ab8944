package io.keyfob.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.keyfob.audit.jdbc.ChainHead;
import io.keyfob.audit.jdbc.JdbcAuditChain;
import io.keyfob.audit.jdbc.JdbcAuditEntries;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code auditLog} health component: {@code WARN} when failed sign-ins and
 * verifications come faster than {@code keyfob.audit.health.max-failed-sign-ins} per
 * {@code failed-sign-in-window} (someone is guessing codes, and every guess is a row), or
 * when the log holds more than {@code max-entries} entries (check the retention).
 * <p>
 * {@code WARN} keeps the node in the load balancer: the readiness group does not include
 * this component, and {@code WARN} maps to HTTP 200. It is ordered between
 * {@code OUT_OF_SERVICE} and {@code UP}
 * ({@code management.endpoint.health.status.order}), so {@code /actuator/health} as a
 * whole shows it. The entry count comes from the chain head (no table scan); the failure
 * count from the index on kind and time. Results are kept for {@value #CACHE_SECONDS}
 * seconds, so frequent probes cost nothing.
 */
@Component("auditLogHealthIndicator")
class AuditHealthIndicator implements HealthIndicator {

	/** The status of a component that works but needs a look. */
	static final Status WARN = new Status("WARN");

	static final int CACHE_SECONDS = 10;

	private final JdbcAuditChain chain;

	private final JdbcAuditEntries entries;

	private final AuditProperties.Health limits;

	private final Clock clock;

	private volatile @Nullable Cached cached;

	AuditHealthIndicator(JdbcAuditChain chain, JdbcAuditEntries entries, AuditProperties properties, Clock clock) {
		this.chain = chain;
		this.entries = entries;
		this.limits = properties.health();
		this.clock = clock;
	}

	@Override
	public Health health() {
		Instant now = this.clock.instant();
		Cached last = this.cached;
		if (last != null && Duration.between(last.at(), now).abs().getSeconds() < CACHE_SECONDS) {
			return last.health();
		}
		Health health = check(now);
		this.cached = new Cached(now, health);
		return health;
	}

	private Health check(Instant now) {
		ChainHead head = this.chain.head();
		long pending = this.entries.countPending();
		long stored = head.lastSequence() - head.anchorSequence() + pending;
		long failed = this.entries.countSince(AuditKind.SIGN_IN, AuditResult.FAILURE,
				now.minus(this.limits.failedSignInWindow()));
		boolean flood = failed > this.limits.maxFailedSignIns();
		boolean large = stored > this.limits.maxEntries();
		Health.Builder builder = (flood || large) ? Health.status(WARN) : Health.up();
		builder.withDetail("entries", stored)
			.withDetail("waitingToBeChained", pending)
			.withDetail("failedSignIns", failed)
			.withDetail("failedSignInWindow", this.limits.failedSignInWindow().toString());
		if (flood) {
			builder.withDetail("warning", "More than " + this.limits.maxFailedSignIns()
					+ " failed sign-ins in the window: someone may be guessing codes");
		}
		if (large) {
			builder.withDetail("tooManyEntries", "More than " + this.limits.maxEntries()
					+ " audit entries: check keyfob.audit.retention and the disk");
		}
		return builder.build();
	}

	private record Cached(Instant at, Health health) {
	}

}
