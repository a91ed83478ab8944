package io.keyfob.graphapi;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.keyfob.directory.Directory;
import io.keyfob.directory.DirectoryRole;
import io.keyfob.directory.GraphPermission;
import io.keyfob.directory.User;
import io.keyfob.signin.ClientRegistrations;
import io.keyfob.signin.IssuedTokens;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a verified access token into a {@link GraphCaller}, reading the directory and the
 * app registrations on every request so that a removed role, a removed permission, a
 * disabled user, a deleted application or a revoked token takes effect at once.
 * <ul>
 * <li>App-only token ({@code idtyp: app}): effective permissions are the token's scopes
 * that the client still holds.</li>
 * <li>Delegated token: the token's scopes intersected with the rights of the user's roles
 * plus the self-service permissions.</li>
 * </ul>
 */
@Component
final class GraphCallers implements Converter<Jwt, GraphCallerAuthentication> {

	private final Directory directory;

	private final ClientRegistrations clients;

	private final IssuedTokens tokens;

	GraphCallers(Directory directory, ClientRegistrations clients, IssuedTokens tokens) {
		this.directory = directory;
		this.clients = clients;
		this.tokens = tokens;
	}

	@Override
	public GraphCallerAuthentication convert(Jwt jwt) {
		if (!this.tokens.active(jwt.getTokenValue())) {
			throw new InvalidBearerTokenException("The token was revoked.");
		}
		String clientId = Optional.ofNullable(jwt.getClaimAsString("client_id")).orElseThrow(GraphCallers::invalid);
		Set<String> scopes = Set.copyOf(Optional.ofNullable(jwt.getClaimAsStringList("scope")).orElse(List.of()));
		GraphCaller caller = "app".equals(jwt.getClaimAsString("idtyp")) ? application(clientId, scopes)
				: delegated(jwt, clientId, scopes);
		return new GraphCallerAuthentication(jwt, authorities(caller.permissions()), jwt.getSubject(), caller);
	}

	private GraphCaller application(String clientId, Set<String> scopes) {
		Set<String> held = this.clients.currentPermissions(clientId).orElseThrow(GraphCallers::invalid);
		Set<String> effective = new TreeSet<>(scopes);
		effective.retainAll(held);
		effective.retainAll(GraphPermission.scopes(GraphPermission.applicationPermissions()));
		return GraphCaller.application(clientId, effective);
	}

	private GraphCaller delegated(Jwt jwt, String clientId, Set<String> scopes) {
		UUID userId = parse(jwt.getClaimAsString("oid"));
		User user = this.directory.findUser(userId).filter(User::accountEnabled).orElseThrow(GraphCallers::invalid);
		Set<DirectoryRole> roles = this.directory.rolesOf(user.id());
		Set<GraphPermission> rights = EnumSet.copyOf(GraphPermission.selfServicePermissions());
		roles.forEach((role) -> rights.addAll(role.permissions()));
		Set<String> effective = new TreeSet<>(scopes);
		effective.retainAll(GraphPermission.scopes(rights));
		return GraphCaller.delegated(userId, clientId, effective, roles, this.directory::holdsAdminRole);
	}

	private static Collection<GrantedAuthority> authorities(Set<String> permissions) {
		return permissions.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
	}

	private static UUID parse(String oid) {
		try {
			return UUID.fromString(oid);
		}
		catch (RuntimeException ex) {
			throw invalid();
		}
	}

	private static InvalidBearerTokenException invalid() {
		return new InvalidBearerTokenException(
				"The token names an application or user that no longer exists or may not sign in.");
	}

}
