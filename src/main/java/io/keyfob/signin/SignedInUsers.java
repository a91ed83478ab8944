package io.keyfob.signin;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import io.keyfob.directory.User;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * How a signed-in user is represented: a Spring Security {@link UserDetails} whose
 * username is the user's object id, so sessions, authorizations and the {@code sub} of
 * tokens survive a change of sign-in name. Spring Security's own type keeps sessions and
 * stored authorizations serializable without extra configuration.
 */
final class SignedInUsers {

	private SignedInUsers() {
	}

	static UserDetails principal(User user, Collection<? extends GrantedAuthority> authorities) {
		return org.springframework.security.core.userdetails.User.withUsername(user.id().toString())
			.password("")
			.authorities(authorities)
			.build();
	}

	static Optional<UUID> parse(String name) {
		try {
			return Optional.of(UUID.fromString(name));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
