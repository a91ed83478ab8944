package io.keyfob.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The audit log's periodic jobs on every node: chaining what waits (normally done right
 * after each commit; this catches the rest) and the retention purge. Both are safe to run
 * on several nodes at once: they serialise on the chain lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditScheduling implements SchedulingConfigurer {

	private final AuditChain chain;

	private final AuditRetention retention;

	private final AuditProperties properties;

	AuditScheduling(AuditChain chain, AuditRetention retention, AuditProperties properties) {
		this.chain = chain;
		this.retention = retention;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this.chain::sealQuietly, this.properties.chainInterval());
		registrar.addFixedDelayTask(this.retention::purgeQuietly, this.properties.purgeInterval());
	}

}
