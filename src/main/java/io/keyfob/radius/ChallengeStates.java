package io.keyfob.radius;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.radius.jdbc.JdbcRadiusChallenges;
import io.keyfob.radius.jdbc.JdbcRadiusChallenges.Challenge;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The State of a challenge-mode sign-in (RFC 2865 §5.24): 128 random bits, stored in the
 * database for {@value #VALID_SECONDS} seconds so that any node can take the second
 * request, and single use.
 */
@Component
class ChallengeStates {

	static final int VALID_SECONDS = 120;

	private final JdbcRadiusChallenges challenges;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ChallengeStates(JdbcRadiusChallenges challenges, Clock clock) {
		this.challenges = challenges;
		this.clock = clock;
	}

	/**
	 * Start a challenge for a user whose password was right.
	 * @param nas the client
	 * @param userId the user
	 * @return the State to send
	 */
	@Transactional
	public byte[] start(Nas nas, UUID userId) {
		byte[] bits = new byte[16];
		this.random.nextBytes(bits);
		String state = HexFormat.of().formatHex(bits);
		Instant now = this.clock.instant();
		this.challenges.deleteExpired(now);
		this.challenges.insert(state, nas.client().id(), userId, now.plus(Duration.ofSeconds(VALID_SECONDS)));
		return state.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Take a State sent back with the code. It is gone afterwards, whatever the code.
	 * @param nas the client sending it
	 * @param state the State as received
	 * @return the user the challenge was for, if the State is known, unexpired and was
	 * given to this client
	 */
	@Transactional
	public Optional<UUID> take(Nas nas, byte[] state) {
		String text = new String(state, StandardCharsets.US_ASCII);
		if (!text.matches("[0-9a-f]{32}")) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.challenges.take(text)
			.filter((challenge) -> challenge.expiresAt().isAfter(now))
			.filter((challenge) -> challenge.clientId().equals(nas.client().id()))
			.map(Challenge::userId);
	}

}
