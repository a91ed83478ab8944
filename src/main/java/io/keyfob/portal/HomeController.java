package io.keyfob.portal;

import java.security.Principal;
import java.util.UUID;

import io.keyfob.directory.Directory;
import io.keyfob.directory.User;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page after sign-in: who is signed in, and the way out. A placeholder until
 * the portal's own pages arrive.
 */
@Controller
class HomeController {

	private final Directory directory;

	HomeController(Directory directory) {
		this.directory = directory;
	}

	@GetMapping("/")
	String home(Principal principal, Model model) {
		User user = parse(principal.getName()).flatMap(this.directory::findUser).orElse(null);
		model.addAttribute("displayName", (user != null) ? user.displayName() : principal.getName());
		model.addAttribute("userPrincipalName", (user != null) ? user.userPrincipalName() : "");
		return "portal/home";
	}

	private static java.util.Optional<UUID> parse(String name) {
		try {
			return java.util.Optional.of(UUID.fromString(name));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

}
