package io.keyfob.portal.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.keyfob.portal.web.FormProblems;
import io.keyfob.token.TokenValidity;
import org.jspecify.annotations.Nullable;

/**
 * The token page's validity form: two text fields, each a date (the start of that day in
 * UTC) or an ISO 8601 date and time with an offset, or empty for no limit. Reads them
 * into a {@link TokenValidity} or field messages.
 *
 * @param validFrom the field as typed
 * @param validUntil the field as typed
 */
record ValidityForm(String validFrom, String validUntil) {

	static final String HINT = "A date such as 2027-06-30 (start of that day, UTC) or a date and time such as "
			+ "2027-06-30T17:00:00Z. Leave it empty for no limit.";

	/**
	 * The form as it shows a token's current window.
	 * @param validity the window
	 * @return the filled-in form
	 */
	static ValidityForm of(TokenValidity validity) {
		return new ValidityForm(text(validity.validFrom()), text(validity.validUntil()));
	}

	/**
	 * Read the fields.
	 * @param problems where field messages go
	 * @return the window, or {@code null} if a field is refused
	 */
	@Nullable TokenValidity read(FormProblems problems) {
		Instant from = instant("validFrom", this.validFrom, problems);
		Instant until = instant("validUntil", this.validUntil, problems);
		if (!problems.isEmpty()) {
			return null;
		}
		if (from != null && until != null && !from.isBefore(until)) {
			problems.add("validUntil",
					"Enter a valid-until date after the valid-from date (" + from + "), or leave one of them empty.");
			return null;
		}
		return new TokenValidity(from, until);
	}

	private static @Nullable Instant instant(String field, String value, FormProblems problems) {
		String text = value.strip();
		if (text.isEmpty()) {
			return null;
		}
		try {
			return (text.length() == 10) ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
					: OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			problems.add(field, "Enter a date such as 2027-06-30 or a date and time with an offset such as "
					+ "2027-06-30T17:00:00Z.");
			return null;
		}
	}

	private static String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

}
