package io.keyfob.signin.jdbc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Housekeeping of the authorizations table, which Spring Security's store only adds to.
 */
@Repository
public class JdbcAuthorizations {

	private static final String DELETE_EXPIRED = """
			delete from oauth2_authorization
			where coalesce(access_token_expires_at, authorization_code_expires_at, :cutoff) < :cutoff
				and (refresh_token_expires_at is null or refresh_token_expires_at < :cutoff)
				and (oidc_id_token_expires_at is null or oidc_id_token_expires_at < :cutoff)
			""";

	private static final String ACCESS_TOKEN_METADATA = """
			select access_token_metadata from oauth2_authorization where access_token_value = :value
			""";

	// the flag Spring Security's store writes into a token's metadata when it revokes it
	private static final String INVALIDATED = "metadata.token.invalidated";

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	JdbcAuthorizations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether an access token this server issued is still on record and not revoked (RFC
	 * 7009), either by the revocation endpoint or because its authorization code was
	 * redeemed a second time (RFC 6749 section 4.1.2). Reads the token's metadata as
	 * plain JSON rather than the whole authorization, so the check stays cheap.
	 * @param accessToken the token value
	 * @return {@code true} if it may be used
	 */
	public boolean accessTokenActive(String accessToken) {
		Optional<String> metadata = this.jdbc.sql(ACCESS_TOKEN_METADATA)
			.param("value", accessToken)
			.query(String.class)
			.optional();
		return metadata.map((text) -> !this.json.readTree(text).path(INVALIDATED).asBoolean(false)).orElse(false);
	}

	/**
	 * Delete authorizations whose every token expired before a time.
	 * @param cutoff the time
	 * @return how many were deleted
	 */
	public int deleteExpiredBefore(Instant cutoff) {
		return this.jdbc.sql(DELETE_EXPIRED).param("cutoff", cutoff.atOffset(ZoneOffset.UTC)).update();
	}

}
