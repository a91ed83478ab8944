package io.keyfob.portal.web;

import java.time.Instant;

import io.keyfob.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates as the pages show them: always in UTC and saying so, a lock's end with how long
 * it still takes.
 */
class DatesTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:10Z"));

	private final Dates dates = new Dates(this.clock);

	@Test
	void whenThenUtcSaysSoAndNullIsNever() {
		assertThat(this.dates.when(Instant.parse("2026-11-26T09:05:00Z"))).isEqualTo("26 Nov 2026, 09:05 UTC");
		assertThat(this.dates.when(null)).isEqualTo("Never");
	}

	@Test
	void untilWhenTodayThenTimeAndMinutesLeft() {
		assertThat(this.dates.until(Instant.parse("2026-11-26T12:15:10Z"))).isEqualTo("12:15 UTC (in 15 minutes)");
		assertThat(this.dates.until(Instant.parse("2026-11-26T12:00:40Z"))).isEqualTo("12:00 UTC (in 1 minute)");
	}

	@Test
	void untilWhenAnotherDayThenDateAndHoursLeft() {
		assertThat(this.dates.until(Instant.parse("2026-11-27T06:00:10Z")))
			.isEqualTo("27 Nov 2026, 06:00 UTC (in 18 hours)");
	}

	@Test
	void isFutureWhenNullOrPastThenFalse() {
		assertThat(this.dates.isFuture(null)).isFalse();
		assertThat(this.dates.isFuture(Instant.parse("2026-11-26T12:00:00Z"))).isFalse();
		assertThat(this.dates.isFuture(Instant.parse("2026-11-26T12:00:11Z"))).isTrue();
	}

}
