package io.keyfob.portal.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Activations and failed sign-ins per day for the dashboard's charts. The counts come
 * from the audit log; until the audit module answers such questions there are none to
 * show, and the dashboard says so.
 */
@Component
final class ActivityHistory {

	static final int DAYS = 30;

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final Clock clock;

	ActivityHistory(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The charts of the last days, today included.
	 * @param days how many days
	 * @return the charts, or an activity that is not available
	 */
	Activity lastDays(int days) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<String> labels = new ArrayList<>();
		for (int i = days - 1; i >= 0; i--) {
			labels.add(LABEL.format(today.minusDays(i)));
		}
		return new Activity(false, BarChart.of("Activations", labels, zeros(days)),
				BarChart.of("Failed sign-ins", labels, zeros(days)));
	}

	private static List<Long> zeros(int days) {
		List<Long> values = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			values.add(0L);
		}
		return values;
	}

	/**
	 * The dashboard's two charts.
	 *
	 * @param available whether the counts are known
	 * @param activations tokens activated per day
	 * @param failedSignIns sign-ins refused for a wrong code per day
	 */
	record Activity(boolean available, BarChart activations, BarChart failedSignIns) {
	}

}
