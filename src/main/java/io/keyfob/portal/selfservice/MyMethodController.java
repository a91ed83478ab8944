package io.keyfob.portal.selfservice;

import java.util.UUID;

import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.HardwareOathActivations;
import io.keyfob.authmethod.HardwareOathAssignments;
import io.keyfob.authmethod.HardwareOathMethod;
import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.authmethod.TokenBlocking;
import io.keyfob.portal.web.Codes;
import io.keyfob.portal.web.FormProblems;
import io.keyfob.portal.web.MethodProblems;
import io.keyfob.portal.web.PortalUser;
import io.keyfob.shared.KeyfobException;
import io.keyfob.signin.CodeFactor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
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
 * What a user does with one of their tokens: activate one an admin assigned, rename it,
 * remove it (after a confirmation), and resynchronise it with two codes. Every form
 * posts, then redirects to My Security Info with a notice; a refusal shows the form again
 * with the reason next to the field.
 */
@Controller
@RequestMapping("/my-security-info/methods/{methodId}")
final class MyMethodController {

	private static final String HOME = "redirect:/my-security-info";

	private final HardwareOathMethods methods;

	private final HardwareOathAssignments assignments;

	private final HardwareOathActivations activations;

	private final MethodProblems explain;

	private final CodeFactor codeFactor;

	private final TokenBlocking blocking;

	MyMethodController(HardwareOathMethods methods, HardwareOathAssignments assignments,
			HardwareOathActivations activations, MethodProblems explain, CodeFactor codeFactor,
			TokenBlocking blocking) {
		this.blocking = blocking;
		this.methods = methods;
		this.assignments = assignments;
		this.activations = activations;
		this.explain = explain;
		this.codeFactor = codeFactor;
	}

	@ModelAttribute("method")
	HardwareOathMethod method(PortalUser me, @PathVariable UUID methodId) {
		return this.methods.get(me.id(), methodId);
	}

	@GetMapping("/activate")
	String activateForm(@ModelAttribute("method") HardwareOathMethod method, Model model) {
		model.addAttribute("displayName", displayName(method));
		model.addAttribute("problems", new FormProblems());
		return "portal/selfservice/activate";
	}

	@PostMapping("/activate")
	String activate(PortalUser me, @ModelAttribute("method") HardwareOathMethod method,
			@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String displayName,
			Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		String name = displayName.strip();
		model.addAttribute("displayName", name);
		FormProblems problems = Codes.check(code, "code");
		if (name.length() > AddHardwareTokenController.MAX_NAME_LENGTH) {
			problems.add("displayName", "Use at most " + AddHardwareTokenController.MAX_NAME_LENGTH + " characters.");
		}
		if (problems.isEmpty()) {
			try {
				this.activations.activate(self(me), me.id(), method.id(), code.strip(), name.isEmpty() ? null : name);
				this.codeFactor.grant(authentication, request, response);
				redirect.addFlashAttribute("notice", "Your hardware token is active. From now on you sign in with "
						+ "your password and a code from the token.");
				return HOME;
			}
			catch (KeyfobException ex) {
				boolean next = AddHardwareTokenController.ADDITIONAL_CODE.equals(ex.code());
				if (!next) {
					problems.add(this.explain.explain(ex, "code", true));
				}
				model.addAttribute("nextCode", next);
			}
		}
		model.addAttribute("problems", problems);
		return "portal/selfservice/activate";
	}

	@GetMapping("/rename")
	String renameForm(@ModelAttribute("method") HardwareOathMethod method, Model model) {
		model.addAttribute("displayName", displayName(method));
		model.addAttribute("problems", new FormProblems());
		return "portal/selfservice/rename";
	}

	@PostMapping("/rename")
	String rename(PortalUser me, @ModelAttribute("method") HardwareOathMethod method,
			@RequestParam(defaultValue = "") String displayName, Model model, RedirectAttributes redirect) {
		String name = displayName.strip();
		FormProblems problems = new FormProblems();
		if (name.isEmpty()) {
			problems.add("displayName", "Enter a name, so you can tell your sign-in methods apart.");
		}
		else if (name.length() > AddHardwareTokenController.MAX_NAME_LENGTH) {
			problems.add("displayName", "Use at most " + AddHardwareTokenController.MAX_NAME_LENGTH + " characters.");
		}
		if (!problems.isEmpty()) {
			model.addAttribute("displayName", name);
			model.addAttribute("problems", problems);
			return "portal/selfservice/rename";
		}
		this.assignments.rename(self(me), me.id(), method.id(), name);
		redirect.addFlashAttribute("notice", "The token is now called \u201c" + name + "\u201d.");
		return HOME;
	}

	@GetMapping("/remove")
	String removeForm() {
		return "portal/selfservice/remove";
	}

	@PostMapping("/remove")
	String remove(PortalUser me, @ModelAttribute("method") HardwareOathMethod method, RedirectAttributes redirect) {
		this.assignments.unassign(self(me), me.id(), method.id());
		redirect.addFlashAttribute("notice", "The token with serial number " + method.device().serialNumber()
				+ " is no longer one of your sign-in methods.");
		return HOME;
	}

	@GetMapping("/lost")
	String lostForm() {
		return "portal/selfservice/lost";
	}

	@PostMapping("/lost")
	String lost(PortalUser me, @ModelAttribute("method") HardwareOathMethod method, RedirectAttributes redirect) {
		this.blocking.reportLost(self(me), method.id());
		redirect.addFlashAttribute("notice", "The token with serial number " + method.device().serialNumber()
				+ " is blocked: nobody can sign in with it any more. Until you have a new token, ask your helpdesk "
				+ "for a Temporary Access Pass: sign in with it and add your new token here.");
		return HOME;
	}

	@GetMapping("/resync")
	String resyncForm(Model model) {
		model.addAttribute("problems", new FormProblems());
		return "portal/selfservice/resync";
	}

	@PostMapping("/resync")
	String resync(PortalUser me, @ModelAttribute("method") HardwareOathMethod method,
			@RequestParam(defaultValue = "") String firstCode, @RequestParam(defaultValue = "") String nextCode,
			Model model, RedirectAttributes redirect) {
		FormProblems problems = Codes.check(firstCode, "firstCode");
		Codes.check(nextCode, "nextCode").all().forEach(problems::add);
		if (problems.isEmpty()) {
			try {
				this.activations.resync(self(me), me.id(), method.id(), firstCode.strip(), nextCode.strip());
				redirect.addFlashAttribute("notice", "Your token is in step again. Sign in with its codes as usual.");
				return HOME;
			}
			catch (KeyfobException ex) {
				problems.add(this.explain.explain(ex, "firstCode", true));
			}
		}
		model.addAttribute("problems", problems);
		return "portal/selfservice/resync";
	}

	private static Actor self(PortalUser me) {
		return Actor.self(me.id(), null);
	}

	private static String displayName(HardwareOathMethod method) {
		String name = method.device().displayName();
		return (name != null) ? name : "";
	}

}
