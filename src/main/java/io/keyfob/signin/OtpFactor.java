package io.keyfob.signin;

import java.util.List;

import io.keyfob.authmethod.HardwareOathMethods;

import org.springframework.security.authorization.RequiredAuthoritiesRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The hardware token as the second sign-in factor. A user whom the hardware OATH policy
 * targets and who holds an activated token needs {@value #AUTHORITY} besides the password
 * factor before any page or authorization request is served; the code page
 * ({@code /login/otp}) grants it. Everyone else signs in with the password alone.
 */
@Component
final class OtpFactor implements RequiredAuthoritiesRepository {

	/**
	 * The factor's name, as {@link FactorGrantedAuthority#fromFactor(String)} takes it.
	 */
	static final String FACTOR = "OTP";

	/** The authority a code grants. */
	static final String AUTHORITY = "FACTOR_" + FACTOR;

	/** Where a user who still needs the code is sent. */
	static final String PAGE = "/login/otp";

	private final HardwareOathMethods methods;

	OtpFactor(HardwareOathMethods methods) {
		this.methods = methods;
	}

	@Override
	public List<String> findRequiredAuthorities(String username) {
		return SignedInUsers.parse(username)
			.filter(this.methods::requiresCode)
			.map((id) -> List.of(AUTHORITY))
			.orElse(List.of());
	}

	/**
	 * Whether a sign-in included a code.
	 * @param authentication the signed-in user
	 * @return whether it holds {@value #AUTHORITY}
	 */
	static boolean granted(Authentication authentication) {
		return authentication.getAuthorities().stream().anyMatch((a) -> AUTHORITY.equals(a.getAuthority()));
	}

}
