package io.keyfob.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.keyfob.audit.jdbc.JdbcAuditEntries;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes one entry for one event, on the thread that published it: the actor, client,
 * source address and request id are read here, while the request is still there, and the
 * insert joins the publisher's transaction if there is one. So an entry commits exactly
 * when the action it records commits, and a rolled-back action leaves none.
 * <p>
 * The insert takes no lock; {@link AuditChain} links the entry into the hash chain right
 * after the commit, on another thread. Texts are cut to their column's length, so a long
 * name can never make the audited action fail.
 */
@Component
class AuditRecorder {

	static final String ENTRIES_METRIC = "keyfob.audit.entries";

	private static final int MAX_DETAIL_VALUE = 256;

	// half the column: escaping can at most double the length
	private static final int MAX_DETAILS_TEXT = 1900;

	private final JdbcAuditEntries entries;

	private final RequestContextCapture context;

	private final AuditChain chain;

	private final MeterRegistry meters;

	private final Clock clock;

	AuditRecorder(JdbcAuditEntries entries, RequestContextCapture context, AuditChain chain, MeterRegistry meters,
			Clock clock) {
		this.entries = entries;
		this.context = context;
		this.chain = chain;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * Append an entry for an event.
	 * @param record what to log
	 * @return the entry as written
	 */
	AuditEntry record(AuditRecord record) {
		AuditContext request = this.context.current();
		AuditActor actor = (record.actor() != null) ? record.actor() : request.actor();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		AuditEntry entry = new AuditEntry(TimeOrderedIds.next(), null, record.kind(), now, cut(record.category(), 64),
				cut(record.activity(), 128), cut(record.operationType(), 32), record.result(),
				cutOrNull(record.resultReason(), 512), record.errorCode(), cutOrNull(request.correlationId(), 64),
				cut(record.loggedByService(), 64),
				new AuditActor(actor.type(), cutOrNull(actor.id(), 256), cutOrNull(actor.name(), 256)),
				cutOrNull(either(record.appId(), request.appId()), 256),
				cutOrNull(either(record.ipAddress(), request.ipAddress()), 64), record.userId(),
				cutOrNull(record.userPrincipalName(), 256), cutOrNull(record.authenticationMethod(), 64),
				targets(record.targets()), details(record.details()));
		this.entries.insert(entry);
		afterCommit(() -> {
			counter(entry).increment();
			this.chain.wakeUp();
		});
		return entry;
	}

	private Counter counter(AuditEntry entry) {
		return Counter.builder(ENTRIES_METRIC)
			.description("Audit entries written, by log, category and result")
			.tag("kind", entry.kind().storedName())
			.tag("category", entry.category())
			.tag("result", entry.result().graphName())
			.register(this.meters);
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	private static List<AuditTarget> targets(List<AuditTarget> targets) {
		return targets.stream()
			.map((t) -> new AuditTarget(cut(t.id(), 256), cut(t.type(), 32), cutOrNull(t.displayName(), 256)))
			.toList();
	}

	private static List<AuditDetail> details(List<AuditDetail> details) {
		List<AuditDetail> kept = new ArrayList<>();
		int length = 0;
		for (AuditDetail detail : details) {
			AuditDetail cut = new AuditDetail(cut(detail.key(), 64), cut(detail.value(), MAX_DETAIL_VALUE));
			length += cut.key().length() + cut.value().length() + 2;
			if (length > MAX_DETAILS_TEXT) {
				break;
			}
			kept.add(cut);
		}
		return kept;
	}

	private static @Nullable String either(@Nullable String first, @Nullable String second) {
		return (first != null) ? first : second;
	}

	private static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private static @Nullable String cutOrNull(@Nullable String text, int max) {
		return (text != null) ? cut(text, max) : null;
	}

}
