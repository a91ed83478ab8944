package io.keyfob.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.keyfob.token.jdbc.JdbcTokenHousekeeping;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an admin should look after in the inventory: tokens whose validity ends soon or
 * has ended, and blocked tokens by reason. For the dashboard and the inventory page's
 * housekeeping views; Graph clients filter the device list instead.
 */
@Service
public class TokenHousekeeping {

	/** How far ahead "expiring soon" looks: a quarter, time to order replacements. */
	public static final Duration EXPIRING_WITHIN = Duration.ofDays(90);

	/** The most tokens one housekeeping view lists. */
	public static final int MAX_LISTED = 500;

	private final JdbcTokenHousekeeping queries;

	private final Clock clock;

	TokenHousekeeping(JdbcTokenHousekeeping queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	/**
	 * The counts for the dashboard.
	 * @return tokens expiring within {@link #EXPIRING_WITHIN}, and blocked ones by reason
	 */
	@Transactional(readOnly = true)
	public Summary summary() {
		Instant now = this.clock.instant();
		return new Summary(this.queries.countValidUntilBetween(now, now.plus(EXPIRING_WITHIN)),
				this.queries.countBlockedByReason());
	}

	/**
	 * The tokens of one view.
	 * @param view which tokens
	 * @return at most {@value #MAX_LISTED} tokens: expiring soonest first, blocked most
	 * recent first
	 */
	@Transactional(readOnly = true)
	public List<HardwareOathToken> list(View view) {
		Instant now = this.clock.instant();
		return switch (view) {
			case EXPIRING -> this.queries.validUntilBetween(now, now.plus(EXPIRING_WITHIN), MAX_LISTED);
			case EXPIRED -> this.queries.validUntilBetween(Instant.EPOCH, now, MAX_LISTED);
			case BLOCKED -> this.queries.blocked(null, MAX_LISTED);
			case LOST -> this.queries.blocked(BlockReason.LOST, MAX_LISTED);
			case STOLEN -> this.queries.blocked(BlockReason.STOLEN, MAX_LISTED);
			case BROKEN -> this.queries.blocked(BlockReason.BROKEN, MAX_LISTED);
			case RETIRED -> this.queries.blocked(BlockReason.RETIRED, MAX_LISTED);
		};
	}

	/**
	 * The housekeeping counts.
	 *
	 * @param expiringSoon tokens whose validity ends within {@link #EXPIRING_WITHIN}
	 * @param blockedByReason blocked tokens for each reason, zero included
	 */
	public record Summary(long expiringSoon, Map<BlockReason, Long> blockedByReason) {

		/**
		 * All blocked tokens.
		 * @return the sum over the reasons
		 */
		public long blocked() {
			return this.blockedByReason.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/**
	 * A housekeeping view of the inventory, named as in the page's {@code show}
	 * parameter.
	 */
	public enum View {

		/** Validity ends within {@link TokenHousekeeping#EXPIRING_WITHIN}. */
		EXPIRING,

		/** Validity has ended. */
		EXPIRED,

		/** Blocked, for any reason. */
		BLOCKED,

		/** Blocked as lost. */
		LOST,

		/** Blocked as stolen. */
		STOLEN,

		/** Blocked as broken. */
		BROKEN,

		/** Blocked as retired. */
		RETIRED

	}

}
