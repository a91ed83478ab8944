package io.keyfob.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.authmethod.MethodLock;
import io.keyfob.authmethod.Verification;
import io.keyfob.authmethod.VerificationContext;
import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.policy.VerificationSettings;
import io.keyfob.shared.Waits;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second sign-in step: the code from the hardware token. Reached only with the
 * password factor; a right code adds {@value OtpFactor#AUTHORITY} to the session's
 * authentication (under a new session id) and continues where the user was going; a
 * wrong, used or locked code changes nothing.
 */
@Controller
class OtpController {

	private final HardwareOathMethods methods;

	private final RequestCache requests = new HttpSessionRequestCache();

	private final CodeFactor factor;

	private final Directory directory;

	private final VerificationSettings.Lockout lockout;

	private final Clock clock;

	OtpController(HardwareOathMethods methods, CodeFactor factor, Directory directory, VerificationSettings settings,
			Clock clock) {
		this.methods = methods;
		this.factor = factor;
		this.directory = directory;
		this.lockout = settings.lockout();
		this.clock = clock;
	}

	/**
	 * The account the code is asked for, so that someone who signed in with another name
	 * than they meant sees it before typing a code.
	 */
	@ModelAttribute("account")
	@Nullable String account(@Nullable Authentication authentication) {
		return (authentication != null) ? SignedInUsers.parse(authentication.getName())
			.flatMap(this.directory::findUser)
			.map(User::userPrincipalName)
			.orElse(null) : null;
	}

	@GetMapping(OtpFactor.PAGE)
	String page(Authentication authentication) {
		boolean needed = !OtpFactor.granted(authentication)
				&& SignedInUsers.parse(authentication.getName()).filter(this.methods::requiresCode).isPresent();
		return needed ? "signin/otp" : "redirect:/";
	}

	@PostMapping(OtpFactor.PAGE)
	String verify(@RequestParam(defaultValue = "") String code, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		UUID userId = SignedInUsers.parse(authentication.getName()).orElseThrow();
		SavedRequest target = this.requests.getRequest(request, response);
		VerificationContext context = new VerificationContext(VerificationContext.Channel.SIGN_IN, clientId(target),
				request.getRemoteAddr());
		Verification verification = this.methods.verify(userId, code, context);
		if (verification.accepted()) {
			this.factor.grant(authentication, request, response);
			return "redirect:" + ((target != null) ? target.getRedirectUrl() : "/");
		}
		model.addAttribute("error", message(verification));
		return "signin/otp";
	}

	private String message(Verification verification) {
		if (verification.outcome() == Verification.Outcome.LOCKED) {
			Instant retryAt = verification.retryAt();
			if (retryAt == null || MethodLock.ADMIN_UNLOCK.equals(retryAt)) {
				return "Too many wrong codes: your token is locked until an administrator unlocks it. "
						+ "Contact your helpdesk.";
			}
			Duration wait = Duration.between(this.clock.instant(), retryAt);
			if (wait.compareTo(VerificationSettings.Lockout.THROTTLE_DELAY) <= 0) {
				return "Too many wrong codes in a row. Wait " + Waits.of(wait)
						+ ", then enter the code your token shows.";
			}
			return "Too many wrong codes: your token is locked. Try again in " + Waits.of(wait) + ".";
		}
		int left = verification.attemptsLeft();
		String throttle = this.lockout.throttles(this.lockout.lockAfter() - left) ? " From now on, wait "
				+ Waits.of(VerificationSettings.Lockout.THROTTLE_DELAY) + " after a wrong code before the next." : "";
		return "That code is wrong or was already used. Wait for your token to show a new code and enter it. " + left
				+ " more wrong " + ((left == 1) ? "code locks" : "codes lock") + " your token for a while." + throttle;
	}

	private static @Nullable String clientId(@Nullable SavedRequest target) {
		String[] clientIds = (target != null) ? target.getParameterValues("client_id") : null;
		return (clientIds != null && clientIds.length == 1) ? clientIds[0] : null;
	}

}
