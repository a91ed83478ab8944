package io.keyfob.signin.jdbc;

import java.time.Instant;
import java.time.ZoneOffset;

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

	private final JdbcClient jdbc;

	JdbcAuthorizations(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
