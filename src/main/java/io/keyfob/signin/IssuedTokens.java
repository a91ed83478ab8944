package io.keyfob.signin;

import io.keyfob.signin.jdbc.JdbcAuthorizations;

import org.springframework.stereotype.Service;

/**
 * The access tokens this server issued, for the resource server: a token's signature and
 * lifetime say nothing about whether it was revoked since, so the API asks here.
 */
@Service
public class IssuedTokens {

	private final JdbcAuthorizations authorizations;

	IssuedTokens(JdbcAuthorizations authorizations) {
		this.authorizations = authorizations;
	}

	/**
	 * Whether an access token is on record and not revoked, by the revocation endpoint or
	 * because the authorization code it came from was redeemed again.
	 * @param accessToken the token as sent
	 * @return {@code true} if it may still be used
	 */
	public boolean active(String accessToken) {
		return this.authorizations.accessTokenActive(accessToken);
	}

}
