package io.keyfob.graphapi;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token turned into a caller: the granted authorities are the effective Graph
 * permissions, unprefixed.
 */
final class GraphCallerAuthentication extends JwtAuthenticationToken {

	private final transient GraphCaller caller;

	GraphCallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name,
			GraphCaller caller) {
		super(jwt, authorities, name);
		this.caller = caller;
	}

	GraphCaller caller() {
		return this.caller;
	}

}
