package io.keyfob.portal.admin;

import java.util.Comparator;
import java.util.UUID;

import io.keyfob.accesspass.TemporaryAccessPasses;
import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.HardwareOathActivations;
import io.keyfob.authmethod.HardwareOathAssignments;
import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.directory.Directory;
import io.keyfob.directory.DirectoryRole;
import io.keyfob.directory.User;
import io.keyfob.policy.AuthenticationMethodsPolicy;
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
 * One user: their roles and hardware tokens, and giving them a token. A token is given by
 * its serial number; with a code from the token in hand it is activated at once
 * ({@code assignAndActivateBySerialNumber}), without one it is assigned and the user
 * activates it on My Security Info.
 */
@Controller
@RequestMapping("/admin/users/{userId}")
final class AdminUserController {

	private final Directory directory;

	private final HardwareOathMethods methods;

	private final HardwareOathAssignments assignments;

	private final HardwareOathActivations activations;

	private final AuthenticationMethodsPolicy policy;

	private final MethodProblems explain;

	private final TemporaryAccessPasses passes;

	AdminUserController(Directory directory, HardwareOathMethods methods, HardwareOathAssignments assignments,
			HardwareOathActivations activations, AuthenticationMethodsPolicy policy, MethodProblems explain,
			TemporaryAccessPasses passes) {
		this.passes = passes;
		this.directory = directory;
		this.methods = methods;
		this.assignments = assignments;
		this.activations = activations;
		this.policy = policy;
		this.explain = explain;
	}

	@ModelAttribute("user")
	User user(PortalUser me, @PathVariable UUID userId) {
		AdminAccess.require(me, AdminRight.READ_METHODS);
		return this.directory.findUser(userId)
			.orElseThrow(() -> new KeyfobException(ErrorKind.NOT_FOUND, "userNotFound", "No such user"));
	}

	@GetMapping
	String user(PortalUser me, @ModelAttribute("user") User user, Model model) {
		model.addAttribute("accessPasses", this.passes.list(user.id()));
		model.addAttribute("mayManagePass", AdminAccessPassController.mayManage(me, user.id(), this.directory));
		return page(user, model, "", "", new FormProblems());
	}

	@PostMapping("/assign")
	String assign(PortalUser me, @ModelAttribute("user") User user,
			@RequestParam(defaultValue = "") String serialNumber, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String code, Model model, RedirectAttributes redirect) {
		AdminAccess.require(me, AdminRight.MANAGE_METHODS);
		String serial = serialNumber.strip();
		String name = displayName.strip();
		FormProblems problems = new FormProblems();
		if (serial.isEmpty()) {
			problems.add(MethodProblems.SERIAL, "Enter the serial number printed on the token.");
		}
		if (!code.isBlank()) {
			Codes.check(code, "code").all().forEach(problems::add);
		}
		if (!problems.isEmpty()) {
			return page(user, model, serial, name, problems);
		}
		try {
			if (code.isBlank()) {
				this.assignments.assignBySerialNumber(actor(me), user.id(), serial, name.isEmpty() ? null : name);
				redirect.addFlashAttribute("notice", "Token " + serial + " is assigned to " + user.displayName()
						+ ". They activate it on My Security Info with a code from the token.");
			}
			else {
				this.activations.assignAndActivateBySerialNumber(actor(me), user.id(), serial, code.strip(),
						name.isEmpty() ? null : name);
				redirect.addFlashAttribute("notice", "Token " + serial + " is assigned to " + user.displayName()
						+ " and active: they sign in with its codes from now on.");
			}
		}
		catch (KeyfobException ex) {
			return page(user, model, serial, name, new FormProblems().add(this.explain.explain(ex, "code", false)));
		}
		return "redirect:/admin/users/" + user.id();
	}

	private String page(User user, Model model, String serial, String name, FormProblems problems) {
		model.addAttribute("roles",
				this.directory.rolesOf(user.id())
					.stream()
					.map(DirectoryRole::displayName)
					.sorted(Comparator.naturalOrder())
					.toList());
		model.addAttribute("methods", this.methods.list(user.id()));
		model.addAttribute("policyTargets", this.policy.isEnabledFor(user.id()));
		model.addAttribute("serialNumber", serial);
		model.addAttribute("displayName", name);
		model.addAttribute("problems", problems);
		return "portal/admin/user";
	}

	static Actor actor(PortalUser me) {
		return Actor.administrator(me.id(), null, me.privileged());
	}

}
