package io.keyfob.signin;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpSession;

import io.keyfob.shared.Waits;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Its messages never say whether a name exists. After a failure it
 * offers the name typed again and, when the name is throttled, says how long to wait.
 */
@Controller
class LoginController {

	/** The session attribute with the name of the last failed sign-in. */
	static final String LAST_USERNAME = LoginController.class.getName() + ".username";

	static final int MAX_NAME_LENGTH = 256;

	private final Clock clock;

	LoginController(Clock clock) {
		this.clock = clock;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String logout, @Nullable HttpSession session, Model model) {
		if (error != null) {
			model.addAttribute("error", switch (error) {
				case "throttled" -> throttled(session);
				case "characters" -> "The user name or password contains a character that cannot be typed "
						+ "(such as U+0000): type them again.";
				default -> "The user name or password is wrong, or the account may not sign in.";
			});
			model.addAttribute("username", (session != null) ? session.getAttribute(LAST_USERNAME) : null);
		}
		if (logout != null) {
			model.addAttribute("message", "You are signed out.");
		}
		return "signin/login";
	}

	private String throttled(@Nullable HttpSession session) {
		Object failure = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
		if (failure instanceof DirectoryAuthenticationProvider.SignInThrottledException throttled) {
			Duration wait = Duration.between(this.clock.instant(), throttled.retryAt());
			return "Too many failed sign-ins with this name. Try again in " + Waits.of(wait) + ".";
		}
		return "Too many failed sign-ins with this name. Wait a moment, then try again.";
	}

}
