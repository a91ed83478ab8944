package io.keyfob.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of the log ended: the last entry's time and id. Pages run newest first, so
 * the next page starts strictly before this position. Opaque to clients as a
 * {@code $skiptoken}.
 *
 * @param activityDateTime the last entry's time
 * @param id the last entry's id
 */
public record AuditCursor(Instant activityDateTime, UUID id) {

	/**
	 * Encode as an opaque, URL-safe token.
	 * @return the token
	 */
	public String encode() {
		String plain = this.activityDateTime.toString() + "|" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Decode a token made by {@link #encode()}.
	 * @param token the token
	 * @return the cursor, or empty if the token was not made by this server
	 */
	public static Optional<AuditCursor> decode(String token) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
			int bar = plain.indexOf('|');
			if (bar < 0) {
				return Optional.empty();
			}
			return Optional
				.of(new AuditCursor(Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1))));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

}
