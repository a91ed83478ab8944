package io.keyfob.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.keyfob.support.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedAccessTokensTests {

	private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");

	private final MutableClock clock = new MutableClock(ISSUED);

	private final AtomicInteger signatureChecks = new AtomicInteger();

	private final JwtTimestampValidator lifetime = lifetime(this.clock);

	// stands in for the signature check: counts it, and gives the token it was asked for
	private final JwtDecoder signatures = (token) -> {
		this.signatureChecks.incrementAndGet();
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject(token)
			.issuedAt(ISSUED)
			.expiresAt(ISSUED.plus(Duration.ofMinutes(10)))
			.build();
	};

	private final VerifiedAccessTokens tokens = new VerifiedAccessTokens(this.signatures, this.lifetime, this.clock);

	@Test
	void decodeWhenSameTokenAgainThenSignatureCheckedOnce() {
		Jwt first = this.tokens.decode("token-a");
		Jwt again = this.tokens.decode("token-a");
		assertThat(again).isSameAs(first);
		assertThat(this.signatureChecks).hasValue(1);
		this.tokens.decode("token-b");
		assertThat(this.signatureChecks).hasValue(2);
	}

	@Test
	void decodeWhenRecheckTimePassedThenSignatureCheckedAgain() {
		this.tokens.decode("token-a");
		this.clock.advance(VerifiedAccessTokens.RECHECK.plusSeconds(1));
		this.tokens.decode("token-a");
		assertThat(this.signatureChecks).hasValue(2);
	}

	@Test
	void decodeWhenRememberedTokenExpiredThenRefused() {
		this.tokens.decode("token-a");
		// past the lifetime and the minute of clock skew, but within the recheck time of
		// the last check
		this.clock.set(ISSUED.plus(Duration.ofMinutes(11)).plusSeconds(1));
		this.tokens.decode("token-b");
		this.clock.advance(Duration.ofSeconds(30));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.tokens.decode("token-b"));
	}

	private static JwtTimestampValidator lifetime(MutableClock clock) {
		JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ofMinutes(1));
		validator.setClock(clock);
		return validator;
	}

}
