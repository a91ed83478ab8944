package io.keyfob.portal.admin;

import java.util.UUID;

import io.keyfob.authmethod.HardwareOathActivations;
import io.keyfob.authmethod.HardwareOathAssignments;
import io.keyfob.authmethod.HardwareOathMethod;
import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.directory.Directory;
import io.keyfob.directory.User;
import io.keyfob.portal.web.AdminRight;
import io.keyfob.portal.web.Codes;
import io.keyfob.portal.web.FormProblems;
import io.keyfob.portal.web.MethodProblems;
import io.keyfob.portal.web.PortalUser;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An admin's actions on one of a user's tokens: activate with a code, deactivate, unlock,
 * resync with two codes, and unassign after a confirmation. The user's page and the
 * token's page both lead here.
 */
@Controller
@RequestMapping("/admin/users/{userId}/methods/{methodId}")
final class AdminUserMethodController {

	private final Directory directory;

	private final HardwareOathMethods methods;

	private final HardwareOathAssignments assignments;

	private final HardwareOathActivations activations;

	private final MethodProblems explain;

	AdminUserMethodController(Directory directory, HardwareOathMethods methods, HardwareOathAssignments assignments,
			HardwareOathActivations activations, MethodProblems explain) {
		this.directory = directory;
		this.methods = methods;
		this.assignments = assignments;
		this.activations = activations;
		this.explain = explain;
	}

	@ModelAttribute("user")
	User user(PortalUser me, @PathVariable UUID userId) {
		AdminAccess.require(me, AdminRight.MANAGE_METHODS);
		return this.directory.findUser(userId)
			.orElseThrow(() -> new KeyfobException(ErrorKind.NOT_FOUND, "userNotFound", "No such user"));
	}

	@ModelAttribute("method")
	HardwareOathMethod method(@ModelAttribute("user") User user, @PathVariable UUID methodId) {
		return this.methods.get(user.id(), methodId);
	}

	@GetMapping("/activate")
	String activateForm(Model model) {
		model.addAttribute("problems", new FormProblems());
		model.addAttribute("action", "activate");
		return "portal/admin/method-codes";
	}

	@PostMapping("/activate")
	String activate(PortalUser me, @ModelAttribute("user") User user,
			@ModelAttribute("method") HardwareOathMethod method, @RequestParam(defaultValue = "") String code,
			Model model, RedirectAttributes redirect) {
		FormProblems problems = Codes.check(code, "code");
		if (problems.isEmpty()) {
			try {
				this.activations.activate(AdminUserController.actor(me), user.id(), method.id(), code.strip(), null);
				return done(user, redirect, "Token " + method.device().serialNumber() + " is active.");
			}
			catch (KeyfobException ex) {
				// a token whose clock is far off needs its next code too: an expected
				// step, no error
				boolean next = "additionalCodeRequired".equals(ex.code());
				if (!next) {
					problems.add(this.explain.explain(ex, "code", false));
				}
				model.addAttribute("nextCode", next);
			}
		}
		model.addAttribute("problems", problems);
		model.addAttribute("action", "activate");
		return "portal/admin/method-codes";
	}

	@GetMapping("/resync")
	String resyncForm(Model model) {
		model.addAttribute("problems", new FormProblems());
		model.addAttribute("action", "resync");
		return "portal/admin/method-codes";
	}

	@PostMapping("/resync")
	String resync(PortalUser me, @ModelAttribute("user") User user, @ModelAttribute("method") HardwareOathMethod method,
			@RequestParam(defaultValue = "") String firstCode, @RequestParam(defaultValue = "") String nextCode,
			Model model, RedirectAttributes redirect) {
		FormProblems problems = Codes.check(firstCode, "firstCode");
		Codes.check(nextCode, "nextCode").all().forEach(problems::add);
		if (problems.isEmpty()) {
			try {
				this.activations.resync(AdminUserController.actor(me), user.id(), method.id(), firstCode.strip(),
						nextCode.strip());
				return done(user, redirect, "Token " + method.device().serialNumber() + " is in step again.");
			}
			catch (KeyfobException ex) {
				problems.add(this.explain.explain(ex, "firstCode", false));
			}
		}
		model.addAttribute("problems", problems);
		model.addAttribute("action", "resync");
		return "portal/admin/method-codes";
	}

	@PostMapping("/deactivate")
	String deactivate(PortalUser me, @ModelAttribute("user") User user,
			@ModelAttribute("method") HardwareOathMethod method, RedirectAttributes redirect) {
		return act(user, redirect,
				"Token " + method.device().serialNumber()
						+ " is deactivated: it stays with the user but signs in no more until activated again.",
				() -> this.assignments.deactivate(AdminUserController.actor(me), user.id(), method.id()));
	}

	@PostMapping("/unlock")
	String unlock(PortalUser me, @ModelAttribute("user") User user, @ModelAttribute("method") HardwareOathMethod method,
			RedirectAttributes redirect) {
		return act(user, redirect, "Token " + method.device().serialNumber() + " is unlocked.",
				() -> this.assignments.unlock(AdminUserController.actor(me), user.id(), method.id()));
	}

	@GetMapping("/unassign")
	String unassignForm() {
		return "portal/admin/method-unassign";
	}

	@PostMapping("/unassign")
	String unassign(PortalUser me, @ModelAttribute("user") User user,
			@ModelAttribute("method") HardwareOathMethod method, RedirectAttributes redirect) {
		return act(user, redirect, "Token " + method.device().serialNumber() + " is back in the inventory.",
				() -> this.assignments.unassign(AdminUserController.actor(me), user.id(), method.id()));
	}

	private String act(User user, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", done);
		}
		catch (KeyfobException ex) {
			redirect.addFlashAttribute("problem", this.explain.explain(ex, "code", false).message());
		}
		return "redirect:/admin/users/" + user.id();
	}

	private static String done(User user, RedirectAttributes redirect, String notice) {
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/admin/users/" + user.id();
	}

}
