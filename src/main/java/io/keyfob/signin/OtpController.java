package io.keyfob.signin;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.keyfob.authmethod.CodeOutcome;
import io.keyfob.authmethod.CodeVerification;
import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.authmethod.MethodEvents;
import io.keyfob.authmethod.UserReference;
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

	private final CodeVerification verification;

	private final CodeFactor factor;

	private final Directory directory;

	private final Clock clock;

	OtpController(HardwareOathMethods methods, CodeVerification verification, CodeFactor factor, Directory directory,
			Clock clock) {
		this.methods = methods;
		this.verification = verification;
		this.factor = factor;
		this.directory = directory;
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
		CodeOutcome outcome = this.verification.verify(UserReference.id(userId), code, context);
		if (outcome.accepted()) {
			this.factor.grant(authentication, request, response);
			return "redirect:" + ((target != null) ? target.getRedirectUrl() : "/");
		}
		model.addAttribute("error", outcome.match(this.messages));
		return "signin/otp";
	}

	private final CodeOutcome.Cases<String> messages = new CodeOutcome.Cases<>() {

		@Override
		public String accepted(CodeOutcome.Accepted accepted) {
			return "";
		}

		@Override
		public String rejected(CodeOutcome.Rejected rejected) {
			int left = rejected.attemptsLeft();
			String throttle = rejected.throttled() ? " From now on, wait "
					+ Waits.of(VerificationSettings.Lockout.THROTTLE_DELAY) + " after a wrong code before the next."
					: "";
			return "That code is wrong or was already used. Wait for your token to show a new code and enter it. "
					+ left + " more wrong " + ((left == 1) ? "code locks" : "codes lock") + " your token for a while."
					+ throttle;
		}

		@Override
		public String locked(CodeOutcome.Locked locked) {
			Duration wait = Duration.between(OtpController.this.clock.instant(), locked.until());
			if (locked.throttle()) {
				return "Too many wrong codes in a row. Wait " + Waits.of(wait)
						+ ", then enter the code your token shows.";
			}
			return "Too many wrong codes: your token is locked. Try again in " + Waits.of(wait) + ".";
		}

		@Override
		public String lockedUntilAdmin(CodeOutcome.LockedUntilAdmin locked) {
			return "Too many wrong codes: your token is locked until an administrator unlocks it. "
					+ "Contact your helpdesk.";
		}

		@Override
		public String additionalCodeRequired(CodeOutcome.AdditionalCodeRequired additional) {
			return rejected(new CodeOutcome.Rejected(0, MethodEvents.Reason.WRONG));
		}

	};

	private static @Nullable String clientId(@Nullable SavedRequest target) {
		String[] clientIds = (target != null) ? target.getParameterValues("client_id") : null;
		return (clientIds != null && clientIds.length == 1) ? clientIds[0] : null;
	}

}
