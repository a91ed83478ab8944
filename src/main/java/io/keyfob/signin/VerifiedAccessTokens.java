package io.keyfob.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A {@link JwtDecoder} that remembers, for a minute, the access tokens whose signature it
 * checked. An integration sends the same token with every request, and parsing it and
 * checking its RSA signature again each time was an eighth of the verify API's request
 * CPU. A remembered token is still validated on every use (lifetime, type), and whether
 * it was revoked is asked of the database on every use too ({@link IssuedTokens}), so
 * remembering changes nothing but the cost: only a signing key removed from the key set
 * keeps working for at most {@link #RECHECK} longer.
 */
final class VerifiedAccessTokens implements JwtDecoder {

	/** How long a checked signature is trusted before it is checked again. */
	static final Duration RECHECK = Duration.ofMinutes(1);

	/** The most tokens remembered; past it the memory starts again. */
	static final int CAPACITY = 10_000;

	private final JwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> validator;

	private final Clock clock;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	/**
	 * @param decoder checks the signature and runs the validator
	 * @param validator what every use of a remembered token must pass again
	 * @param clock the clock
	 */
	VerifiedAccessTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Clock clock) {
		this.decoder = decoder;
		this.validator = validator;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) {
		Instant now = this.clock.instant();
		Verified known = this.verified.get(token);
		if (known == null || now.isAfter(known.at().plus(RECHECK))) {
			Jwt jwt = this.decoder.decode(token);
			if (this.verified.size() >= CAPACITY) {
				this.verified.clear();
			}
			this.verified.put(token, new Verified(jwt, now));
			return jwt;
		}
		OAuth2TokenValidatorResult result = this.validator.validate(known.jwt());
		if (result.hasErrors()) {
			this.verified.remove(token);
			throw new JwtValidationException("The access token is not valid.", result.getErrors());
		}
		return known.jwt();
	}

	private record Verified(Jwt jwt, Instant at) {
	}

}
