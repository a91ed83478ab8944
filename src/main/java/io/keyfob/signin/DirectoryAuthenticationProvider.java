package io.keyfob.signin;

import java.time.Instant;
import java.util.List;

import io.keyfob.directory.Directory;
import io.keyfob.directory.PasswordCheck;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against the directory. Success grants the password
 * factor ({@code FACTOR_PASSWORD}); the answer to a wrong password, an unknown name and a
 * disabled account is the same.
 */
@Component
final class DirectoryAuthenticationProvider implements AuthenticationProvider {

	private final Directory directory;

	DirectoryAuthenticationProvider(Directory directory) {
		this.directory = directory;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String name = authentication.getName();
		Object credentials = authentication.getCredentials();
		String password = (credentials != null) ? credentials.toString() : "";
		PasswordCheck check = this.directory.checkPassword(name, password);
		if (check instanceof PasswordCheck.Accepted accepted) {
			List<GrantedAuthority> authorities = List
				.of(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
			UserDetails principal = SignedInUsers.principal(accepted.user(), authorities);
			UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal,
					null, authorities);
			result.setDetails(authentication.getDetails());
			return result;
		}
		if (check instanceof PasswordCheck.Throttled throttled) {
			throw new SignInThrottledException(throttled.until());
		}
		throw new BadCredentialsException("Wrong user name or password");
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * Too many wrong passwords for a name; says nothing about whether the name exists.
	 */
	static final class SignInThrottledException extends AuthenticationException {

		private final Instant retryAt;

		SignInThrottledException(Instant retryAt) {
			super("Too many failed sign-ins for this name");
			this.retryAt = retryAt;
		}

		Instant retryAt() {
			return this.retryAt;
		}

	}

}
