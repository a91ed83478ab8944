package io.keyfob.portal.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import io.keyfob.audit.AuditEntry;
import io.keyfob.audit.AuditKind;
import io.keyfob.audit.AuditLog;
import io.keyfob.audit.AuditPage;
import io.keyfob.audit.AuditQuery;
import io.keyfob.audit.AuditResult;

import org.springframework.stereotype.Component;

/**
 * Activations and failed sign-ins per day for the dashboard's charts, counted from the
 * audit log. The audit log answers pages of entries, not sums, so this reads at most
 * {@value #MAX_ENTRIES} entries per chart (newest first) and says when it stopped early:
 * a flood of failed sign-ins cannot make the dashboard slow.
 */
@Component
final class ActivityHistory {

	static final int DAYS = 30;

	static final int MAX_ENTRIES = 20_000;

	/** The audit log's name for a successful activation (authmethod's event). */
	static final String ACTIVATION = "Activate hardware OATH token";

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final AuditLog audit;

	private final Clock clock;

	ActivityHistory(AuditLog audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The charts of the last days, today included.
	 * @param days how many days
	 * @return the charts
	 */
	Activity lastDays(int days) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate first = today.minusDays(days - 1);
		Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
		Count activations = count(AuditQuery.of(AuditKind.DIRECTORY_AUDIT).from(from).result(AuditResult.SUCCESS),
				(entry) -> ACTIVATION.equals(entry.activity()));
		Count failures = count(AuditQuery.of(AuditKind.SIGN_IN).from(from).result(AuditResult.FAILURE),
				(entry) -> entry.activity().startsWith("Sign in"));
		List<String> labels = new ArrayList<>();
		List<Long> activated = new ArrayList<>();
		List<Long> failed = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			labels.add(LABEL.format(day));
			activated.add(activations.perDay().getOrDefault(day, 0L));
			failed.add(failures.perDay().getOrDefault(day, 0L));
		}
		return new Activity(BarChart.of("Activations", labels, activated),
				BarChart.of("Failed sign-ins", labels, failed), activations.partial() || failures.partial());
	}

	private Count count(AuditQuery.Builder query, Predicate<AuditEntry> counted) {
		Map<LocalDate, Long> perDay = new HashMap<>();
		AuditPage page = this.audit.page(query.limit(AuditQuery.MAX_LIMIT).build());
		int read = 0;
		while (true) {
			for (AuditEntry entry : page.entries()) {
				if (counted.test(entry)) {
					perDay.merge(LocalDate.ofInstant(entry.activityDateTime(), ZoneOffset.UTC), 1L, Long::sum);
				}
			}
			read += page.entries().size();
			if (page.next() == null) {
				return new Count(perDay, false);
			}
			if (read >= MAX_ENTRIES) {
				return new Count(perDay, true);
			}
			page = this.audit.page(query.after(page.next()).build());
		}
	}

	private record Count(Map<LocalDate, Long> perDay, boolean partial) {
	}

	/**
	 * The dashboard's two charts.
	 *
	 * @param activations tokens activated per day
	 * @param failedSignIns sign-ins refused per day
	 * @param partial whether a chart stopped counting at {@value #MAX_ENTRIES} entries
	 */
	record Activity(BarChart activations, BarChart failedSignIns, boolean partial) {
	}

}
