package io.keyfob.seedimport;

import java.util.Locale;

import io.keyfob.seedimport.SeedImportEvents.SeedFileImportFailed;
import io.keyfob.seedimport.SeedImportEvents.SeedFileImported;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Metrics of seed file imports: {@code keyfob.seed.imports} (jobs, by format and result:
 * {@code stored}, {@code dry_run}, {@code rejected}, {@code failed}) and
 * {@code keyfob.seed.imported.tokens} (tokens created or replaced, by format).
 */
@Component
final class ImportMetrics {

	private final MeterRegistry registry;

	ImportMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@EventListener
	void on(SeedFileImported event) {
		String result = event.dryRun() ? "dry_run" : (event.stored() ? "stored" : "rejected");
		jobs(event.format(), result).increment();
		if (event.stored()) {
			Counter.builder("keyfob.seed.imported.tokens")
				.description("Tokens created or replaced by seed file imports")
				.tag("format", event.format().name().toLowerCase(Locale.ROOT))
				.register(this.registry)
				.increment(event.counts().created() + event.counts().replaced());
		}
	}

	@EventListener
	void on(SeedFileImportFailed event) {
		jobs(event.format(), "failed").increment();
	}

	private Counter jobs(SeedFileFormat format, String result) {
		return Counter.builder("keyfob.seed.imports")
			.description("Seed file import jobs, by format and result")
			.tag("format", format.name().toLowerCase(Locale.ROOT))
			.tag("result", result)
			.register(this.registry);
	}

}
