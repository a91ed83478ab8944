package io.keyfob.signin;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Its messages never say whether a name exists.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false) @Nullable String logout, Model model) {
		if (error != null) {
			model.addAttribute("error", switch (error) {
				case "throttled" -> "Too many failed sign-ins with this name. Wait a few minutes, then try again.";
				case "characters" -> "The user name or password contains a character that cannot be typed "
						+ "(such as U+0000): type them again.";
				default -> "The user name or password is wrong, or the account may not sign in.";
			});
		}
		if (logout != null) {
			model.addAttribute("message", "You are signed out.");
		}
		return "signin/login";
	}

}
