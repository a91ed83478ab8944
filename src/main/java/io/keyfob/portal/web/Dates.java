package io.keyfob.portal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.keyfob.shared.Waits;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Dates and times as the pages show them, in UTC and always saying so, since a page
 * rendered without script cannot know the reader's time zone. Templates call it as
 * {@code ${@dates.when(instant)}}.
 */
@Component("dates")
public final class Dates {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
			Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final Clock clock;

	Dates(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A moment for a list or a fact.
	 * @param instant the moment, or {@code null}
	 * @return for example {@code 26 Nov 2026, 14:05 UTC}, or {@code Never}
	 */
	public String when(@Nullable Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(ZoneOffset.UTC)) : "Never";
	}

	/**
	 * The machine-readable form for a {@code <time datetime>} attribute.
	 * @param instant the moment
	 * @return ISO 8601 in UTC
	 */
	public String iso(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	/**
	 * A day of a chart's axis.
	 * @param instant a moment of the day
	 * @return for example {@code 26 Nov}
	 */
	public String day(Instant instant) {
		return DAY.format(instant.atZone(ZoneOffset.UTC));
	}

	/**
	 * Whether a moment is still to come, for example the end of a lock.
	 * @param instant the moment, or {@code null}
	 * @return whether it is after now
	 */
	public boolean isFuture(@Nullable Instant instant) {
		return instant != null && instant.isAfter(this.clock.instant());
	}

	/**
	 * How long until a moment, for "try again in ..." (see
	 * {@link io.keyfob.shared.Waits}).
	 * @param until the moment
	 * @return the time from now until then, negative if it is past
	 */
	public Duration untilNow(Instant until) {
		return Duration.between(this.clock.instant(), until);
	}

	/**
	 * The wait until a moment in words, for a lock badge.
	 * @param until the end of the wait
	 * @return for example {@code 15 minutes}
	 */
	public String waitFor(Instant until) {
		return Waits.of(untilNow(until));
	}

	/**
	 * When a lock ends, in words a person can act on.
	 * @param until the end of the lock
	 * @return for example {@code 14:35 UTC (in 15 minutes)}, with the date when it is not
	 * today
	 */
	public String until(Instant until) {
		Instant now = this.clock.instant();
		boolean today = until.atZone(ZoneOffset.UTC).toLocalDate().equals(now.atZone(ZoneOffset.UTC).toLocalDate());
		String at = today ? TIME.format(until.atZone(ZoneOffset.UTC)) : when(until);
		long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
		String in = (minutes < 90) ? minutes + ((minutes == 1) ? " minute" : " minutes")
				: Math.round(minutes / 60.0) + " hours";
		return at + " (in " + in + ")";
	}

}
