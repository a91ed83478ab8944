package io.keyfob.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.keyfob.accesspass.TemporaryAccessPasses;
import io.keyfob.authmethod.CodeOutcome;
import io.keyfob.authmethod.PassGuard;
import io.keyfob.authmethod.PassGuard.PassAttempt;
import io.keyfob.authmethod.UserReference;
import io.keyfob.authmethod.VerificationContext;
import io.keyfob.directory.Directory;
import io.keyfob.shared.Waits;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in with a Temporary Access Pass ({@value #PAGE}): a user name and the pass that
 * a helpdesk agent gave, instead of password and code. The pass stands for both factors:
 * the session gets the password and the code factor and {@value #AUTHORITY}, so the ID
 * token says {@code amr ["tap", "mfa"]}. The user lands in My Security Info to add a new
 * token, unless an application's authorization request is waiting.
 * <p>
 * A one-time pass is used up by one conditional update, and every attempt runs under the
 * lockout of codes ({@link PassGuard}): wrong passes and wrong codes count together. The
 * answer to an unknown name, a disabled account, a user without a pass and a wrong pass
 * is the same.
 */
@Controller
class PassSignInController {

	static final String PAGE = "/login/pass";

	/** Marks a sign-in with a pass, for {@code amr}. */
	static final String FACTOR = "TAP";

	static final String AUTHORITY = "FACTOR_" + FACTOR;

	private static final String HOME = "/my-security-info";

	private final PassGuard guard;

	private final TemporaryAccessPasses passes;

	private final Directory directory;

	private final Clock clock;

	private final RequestCache requests = new HttpSessionRequestCache();

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	PassSignInController(PassGuard guard, TemporaryAccessPasses passes, Directory directory, Clock clock) {
		this.guard = guard;
		this.passes = passes;
		this.directory = directory;
		this.clock = clock;
	}

	@GetMapping(PAGE)
	String page() {
		return "signin/pass";
	}

	@PostMapping(PAGE)
	String signIn(@RequestParam(defaultValue = "") String username,
			@RequestParam(name = "pass", defaultValue = "") String pass, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String name = username.strip();
		model.addAttribute("username", name);
		if (name.isEmpty() || name.length() > LoginController.MAX_NAME_LENGTH || pass.isBlank()
				|| pass.length() > 256) {
			model.addAttribute("error", "Enter your user name and the Temporary Access Pass your helpdesk gave you.");
			return "signin/pass";
		}
		// the guard writes the sign-in log entry
		PassAttempt attempt = this.guard.attempt(UserReference.principalName(name), this.passes.check(pass),
				new VerificationContext(VerificationContext.Channel.SIGN_IN, null, request.getRemoteAddr()));
		if (!attempt.accepted()) {
			model.addAttribute("error", message(attempt.refusal()));
			return "signin/pass";
		}
		signIn(attempt, request, response);
		SavedRequest target = this.requests.getRequest(request, response);
		return "redirect:" + ((target != null) ? target.getRedirectUrl() : HOME);
	}

	private void signIn(PassAttempt attempt, HttpServletRequest request, HttpServletResponse response) {
		List<GrantedAuthority> authorities = List.of(
				FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
				FactorGrantedAuthority.fromFactor(OtpFactor.FACTOR), FactorGrantedAuthority.fromFactor(FACTOR));
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(
				SignedInUsers.principal(this.directory.findUser(attempt.userId()).orElseThrow(), authorities), null,
				authorities);
		signedIn.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
		request.getSession();
		request.changeSessionId();
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(signedIn);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

	private String message(@Nullable CodeOutcome refusal) {
		if (refusal instanceof CodeOutcome.Locked locked) {
			Duration wait = Duration.between(this.clock.instant(), locked.until());
			return "Too many wrong attempts. Try again in " + Waits.of(wait) + ".";
		}
		if (refusal instanceof CodeOutcome.LockedUntilAdmin) {
			return "Too many wrong attempts: your account is locked until an administrator unlocks it. "
					+ "Contact your helpdesk.";
		}
		return "The user name or Temporary Access Pass is wrong, used up or expired. Check it, or ask your "
				+ "helpdesk for a new one.";
	}

	/**
	 * Whether a sign-in used a pass.
	 * @param authentication the signed-in user
	 * @return whether it holds {@value #AUTHORITY}
	 */
	static boolean granted(Authentication authentication) {
		return authentication.getAuthorities().stream().anyMatch((a) -> AUTHORITY.equals(a.getAuthority()));
	}

}
