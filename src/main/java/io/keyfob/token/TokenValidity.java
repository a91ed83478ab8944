package io.keyfob.token;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When a token may be used (Keyfob extensions {@code validFrom} and {@code validUntil} on
 * the device): a vendor's expiry date, a battery's end, a contractor's last day. Either
 * end may be open.
 *
 * @param validFrom the first instant a code is accepted, or {@code null}
 * @param validUntil the instant from which codes are refused, or {@code null}
 */
public record TokenValidity(@Nullable Instant validFrom, @Nullable Instant validUntil) {

	/** No limits. */
	public static final TokenValidity ALWAYS = new TokenValidity(null, null);

	public TokenValidity {
		if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
			throw new InvalidTokenException("validUntil", "must be after validFrom (" + validFrom + "), but is "
					+ validUntil + ". Correct one of the two dates.");
		}
	}

	/**
	 * Whether a code may be accepted at an instant.
	 * @param now the instant
	 * @return {@code true} if {@code now} is inside the window
	 */
	public boolean contains(Instant now) {
		return (this.validFrom == null || !now.isBefore(this.validFrom))
				&& (this.validUntil == null || now.isBefore(this.validUntil));
	}

}
