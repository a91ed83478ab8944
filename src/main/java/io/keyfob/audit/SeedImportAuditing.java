package io.keyfob.audit;

import java.util.UUID;

import io.keyfob.authmethod.Actor.Kind;
import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.shared.ApplicationNames;
import io.keyfob.seedimport.ImportCounts;
import io.keyfob.seedimport.SeedImportEvents.SeedFileImportFailed;
import io.keyfob.seedimport.SeedImportEvents.SeedFileImported;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs each seed file import once, with its counts (never a secret). The tokens it stores
 * are logged by the inventory, one entry each.
 * <p>
 * Synchronous {@link EventListener}s in the import job's final transaction, for the
 * reasons given on {@link TokenAuditing}. An import runs on a worker thread after its
 * upload request has ended, so the actor comes from the event (the importer the job
 * recorded), not from the thread.
 */
@Component
class SeedImportAuditing {

	private final AuditRecorder recorder;

	private final Directory directory;

	private final ApplicationNames applicationNames;

	SeedImportAuditing(AuditRecorder recorder, Directory directory, ApplicationNames applicationNames) {
		this.recorder = recorder;
		this.directory = directory;
		this.applicationNames = applicationNames;
	}

	@EventListener
	void on(SeedFileImported event) {
		ImportCounts counts = event.counts();
		AuditRecord.Builder entry = start(event.jobId(), event.fileName(), event.format().displayName(),
				actor(event.actor()))
			.detail("dryRun", event.dryRun())
			.detail("stored", event.stored())
			.detail("created", counts.created())
			.detail("replaced", counts.replaced())
			.detail("unchanged", counts.unchanged())
			.detail("assigned", counts.assigned())
			.detail("rejected", counts.rejected())
			.detail("warnings", counts.warnings());
		if (!event.dryRun() && !event.stored() && counts.rejected() > 0) {
			entry.failure(counts.rejected() + " rows were rejected and nothing was stored", 0);
		}
		this.recorder.record(entry.build());
	}

	@EventListener
	void on(SeedFileImportFailed event) {
		this.recorder.record(start(event.jobId(), event.fileName(), event.format().displayName(), actor(event.actor()))
			.detail("storedRows", event.storedRows())
			.failure("The import stopped before its end after storing " + event.storedRows() + " tokens", 0)
			.build());
	}

	private static AuditRecord.Builder start(UUID jobId, @Nullable String fileName, String format, AuditActor actor) {
		return AuditRecord.change("Device", "Import hardware OATH tokens", "Add", AuditRecord.DEVICES)
			.actor(actor)
			.target(jobId, "SeedImport", fileName)
			.detail("fileName", fileName)
			.detail("format", format);
	}

	private AuditActor actor(io.keyfob.authmethod.Actor importer) {
		if (importer.kind() == Kind.APPLICATION || importer.userId() == null) {
			return AuditActor.app(importer.clientId(), this.applicationNames.displayName(importer.clientId()));
		}
		String upn = this.directory.findUser(importer.userId()).map(User::userPrincipalName).orElse(null);
		return AuditActor.user(importer.userId().toString(), upn);
	}

}
