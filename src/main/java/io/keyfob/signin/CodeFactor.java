package io.keyfob.signin;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Records in a session that its user proved to hold their token with a code: the code
 * page after a right code, and My Security Info after the user activated a token (the
 * activation code is the same proof). The session gets a new id.
 */
@Component
public final class CodeFactor {

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	/**
	 * Add {@value OtpFactor#AUTHORITY} to the signed-in user's authentication.
	 * @param authentication the session's authentication, with the password factor
	 * @param request the request
	 * @param response the response
	 */
	public void grant(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		if (OtpFactor.granted(authentication)) {
			return;
		}
		List<GrantedAuthority> authorities = new ArrayList<>(authentication.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromFactor(OtpFactor.FACTOR));
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken
			.authenticated(authentication.getPrincipal(), null, authorities);
		signedIn.setDetails(authentication.getDetails());
		request.changeSessionId();
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(signedIn);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
